; Obelisk code object, format version 2
.contract GreedyReceiver
.file 0 "examples/adversaries.contract"
.const 0 bytes 0x00
.const 1 string "transfer"
.const 2 bytes 0xa4626f6f6c

.function 0 init(to: address) locals 1 init
    .loc 0 55 9                         ; examples/adversaries.contract:55:9
     0  PUSH_CONST 0                    ; 0x00
    .loc 0 55 22                        ; examples/adversaries.contract:55:22
     3  LOAD 0                          ; to
    .loc 0 55 9                         ; examples/adversaries.contract:55:9
     5  SSTORE
    .loc 0 54 23                        ; examples/adversaries.contract:54:23
     6  RET

.function 1 on_token_received(sender: address, amount: int, data: bytes) -> bool locals 3 pub
    .loc 0 59 15                        ; examples/adversaries.contract:59:15
     7  CALLER
    .loc 0 59 9                         ; examples/adversaries.contract:59:9
     8  PUSH_CONST 1                    ; "transfer"
    .loc 0 59 36                        ; examples/adversaries.contract:59:36
    11  PUSH_CONST 0                    ; 0x00
    14  SLOAD 2                         ; address
    .loc 0 59 48                        ; examples/adversaries.contract:59:48
    16  LOAD 1                          ; amount
    .loc 0 59 9                         ; examples/adversaries.contract:59:9
    18  XCALL 2
    20  CHECK_TYPE 2                    ; bool
    23  POP
    .loc 0 60 16                        ; examples/adversaries.contract:60:16
    24  PUSH_TRUE
    .loc 0 60 9                         ; examples/adversaries.contract:60:9
    25  RET
