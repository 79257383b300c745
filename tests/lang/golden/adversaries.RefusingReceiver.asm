; Obelisk code object, format version 1
.contract RefusingReceiver
.file 0 "examples/adversaries.contract"

.function 0 on_token_received(sender: address, amount: int, data: bytes) -> bool locals 3 pub
    .loc 0 45 16                        ; examples/adversaries.contract:45:16
     0  PUSH_FALSE
    .loc 0 45 9                         ; examples/adversaries.contract:45:9
     1  RET
