; Obelisk code object, format version 1
.contract PoliteReceiver
.file 0 "examples/adversaries.contract"
.const 0 bytes 0x00
.const 1 bytes 0x01
.const 2 bytes 0x02

.function 0 on_token_received(sender: address, amount: int, data: bytes) -> bool locals 3 pub
    .loc 0 23 9                         ; examples/adversaries.contract:23:9
     0  PUSH_CONST 0                    ; 0x00
     3  DUP
     4  SLOAD 0                         ; int
    .loc 0 23 21                        ; examples/adversaries.contract:23:21
     6  LOAD 1                          ; amount
    .loc 0 23 9                         ; examples/adversaries.contract:23:9
     8  ADD
     9  SSTORE
    .loc 0 24 9                         ; examples/adversaries.contract:24:9
    10  PUSH_CONST 1                    ; 0x01
    .loc 0 24 23                        ; examples/adversaries.contract:24:23
    13  LOAD 0                          ; sender
    .loc 0 24 9                         ; examples/adversaries.contract:24:9
    15  SSTORE
    .loc 0 25 9                         ; examples/adversaries.contract:25:9
    16  PUSH_CONST 2                    ; 0x02
    .loc 0 25 21                        ; examples/adversaries.contract:25:21
    19  LOAD 2                          ; data
    .loc 0 25 9                         ; examples/adversaries.contract:25:9
    21  SSTORE
    .loc 0 26 16                        ; examples/adversaries.contract:26:16
    22  PUSH_TRUE
    .loc 0 26 9                         ; examples/adversaries.contract:26:9
    23  RET

.function 1 total_received() -> int locals 0 pub view
    .loc 0 30 16                        ; examples/adversaries.contract:30:16
    24  PUSH_CONST 0                    ; 0x00
    27  SLOAD 0                         ; int
    .loc 0 30 9                         ; examples/adversaries.contract:30:9
    29  RET

.function 2 last_delivery_sender() -> address locals 0 pub view
    .loc 0 34 16                        ; examples/adversaries.contract:34:16
    30  PUSH_CONST 1                    ; 0x01
    33  SLOAD 2                         ; address
    .loc 0 34 9                         ; examples/adversaries.contract:34:9
    35  RET

.function 3 last_delivery_data() -> bytes locals 0 pub view
    .loc 0 38 16                        ; examples/adversaries.contract:38:16
    36  PUSH_CONST 2                    ; 0x02
    39  SLOAD 3                         ; bytes
    .loc 0 38 9                         ; examples/adversaries.contract:38:9
    41  RET
