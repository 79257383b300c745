; Obelisk code object, format version 2
.contract SeatGrabber
.file 0 "examples/adversaries.contract"
.const 0 string "join"
.const 1 bytes 0xa3696e74

.function 0 grab(market: address, job: int) -> int locals 2 pub
    .loc 0 68 30                        ; examples/adversaries.contract:68:30
     0  LOAD 0                          ; market
    .loc 0 68 16                        ; examples/adversaries.contract:68:16
     2  PUSH_CONST 0                    ; "join"
    .loc 0 68 43                        ; examples/adversaries.contract:68:43
     5  LOAD 1                          ; job
    .loc 0 68 16                        ; examples/adversaries.contract:68:16
     7  XCALL 1
     9  CHECK_TYPE 1                    ; int
    .loc 0 68 9                         ; examples/adversaries.contract:68:9
    12  RET
