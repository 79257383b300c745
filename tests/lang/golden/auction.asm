; Obelisk code object, format version 1
.contract Auction
.file 0 "examples/auction.contract"
.event 0 HighestBidIncreased(bidder: address, amount: int)
.event 1 Withdrawn(bidder: address, amount: int)
.event 2 AuctionEnded(winner: address, amount: int)
.const 0 string "zero address"
.const 1 string "duration must be positive"
.const 2 bytes 0x00
.const 3 bytes 0x01
.const 4 string "auction already ended"
.const 5 bytes 0x03
.const 6 string "there already is a higher bid"
.const 7 bytes 0x04
.const 8 bytes 0x02
.const 9 string "nothing to withdraw"
.const 10 string "auction not yet ended"
.const 11 bytes 0x05

.function 0 init(receiver: address, duration_blocks: int) locals 2 init
    .loc 0 28 17                        ; examples/auction.contract:28:17
     0  LOAD 0                          ; receiver
    .loc 0 28 29                        ; examples/auction.contract:28:29
     2  PUSH_INT 0
     4  TO_ADDR
    .loc 0 28 26                        ; examples/auction.contract:28:26
     5  NE
    .loc 0 28 9                         ; examples/auction.contract:28:9
     6  JUMP_IF_TRUE L13
    .loc 0 28 41                        ; examples/auction.contract:28:41
     9  PUSH_CONST 0                    ; "zero address"
    .loc 0 28 9                         ; examples/auction.contract:28:9
    12  REVERT
    .loc 0 29 17                        ; examples/auction.contract:29:17
L13:
    13  LOAD 1                          ; duration_blocks
    .loc 0 29 35                        ; examples/auction.contract:29:35
    15  PUSH_INT 0
    .loc 0 29 33                        ; examples/auction.contract:29:33
    17  GT
    .loc 0 29 9                         ; examples/auction.contract:29:9
    18  JUMP_IF_TRUE L25
    .loc 0 29 38                        ; examples/auction.contract:29:38
    21  PUSH_CONST 1                    ; "duration must be positive"
    .loc 0 29 9                         ; examples/auction.contract:29:9
    24  REVERT
    .loc 0 30 9                         ; examples/auction.contract:30:9
L25:
    25  PUSH_CONST 2                    ; 0x00
    .loc 0 30 23                        ; examples/auction.contract:30:23
    28  LOAD 0                          ; receiver
    .loc 0 30 9                         ; examples/auction.contract:30:9
    30  SSTORE
    .loc 0 31 9                         ; examples/auction.contract:31:9
    31  PUSH_CONST 3                    ; 0x01
    .loc 0 31 21                        ; examples/auction.contract:31:21
    34  BLOCK_NUMBER
    .loc 0 31 36                        ; examples/auction.contract:31:36
    35  LOAD 1                          ; duration_blocks
    .loc 0 31 34                        ; examples/auction.contract:31:34
    37  ADD
    .loc 0 31 9                         ; examples/auction.contract:31:9
    38  SSTORE
    .loc 0 27 51                        ; examples/auction.contract:27:51
    39  RET

.function 1 bid() locals 0 pub payable
    .loc 0 35 17                        ; examples/auction.contract:35:17
    40  BLOCK_NUMBER
    .loc 0 35 33                        ; examples/auction.contract:35:33
    41  PUSH_CONST 3                    ; 0x01
    44  SLOAD 0                         ; int
    .loc 0 35 30                        ; examples/auction.contract:35:30
    46  LE
    .loc 0 35 9                         ; examples/auction.contract:35:9
    47  JUMP_IF_TRUE L54
    .loc 0 35 44                        ; examples/auction.contract:35:44
    50  PUSH_CONST 4                    ; "auction already ended"
    .loc 0 35 9                         ; examples/auction.contract:35:9
    53  REVERT
    .loc 0 36 17                        ; examples/auction.contract:36:17
L54:
    54  CALLVALUE
    .loc 0 36 29                        ; examples/auction.contract:36:29
    55  PUSH_CONST 5                    ; 0x03
    58  SLOAD 0                         ; int
    .loc 0 36 27                        ; examples/auction.contract:36:27
    60  GT
    .loc 0 36 9                         ; examples/auction.contract:36:9
    61  JUMP_IF_TRUE L68
    .loc 0 36 42                        ; examples/auction.contract:36:42
    64  PUSH_CONST 6                    ; "there already is a higher bid"
    .loc 0 36 9                         ; examples/auction.contract:36:9
    67  REVERT
    .loc 0 37 12                        ; examples/auction.contract:37:12
L68:
    68  PUSH_CONST 5                    ; 0x03
    71  SLOAD 0                         ; int
    .loc 0 37 27                        ; examples/auction.contract:37:27
    73  PUSH_INT 0
    .loc 0 37 24                        ; examples/auction.contract:37:24
    75  NE
    .loc 0 37 9                         ; examples/auction.contract:37:9
    76  JUMP_IF_FALSE L98
    .loc 0 39 13                        ; examples/auction.contract:39:13
    79  PUSH_CONST 7                    ; 0x04
    .loc 0 39 29                        ; examples/auction.contract:39:29
    82  PUSH_CONST 8                    ; 0x02
    85  SLOAD 2                         ; address
    .loc 0 39 13                        ; examples/auction.contract:39:13
    87  KEY
    88  DUP
    89  SLOAD 0                         ; int
    .loc 0 39 48                        ; examples/auction.contract:39:48
    91  PUSH_CONST 5                    ; 0x03
    94  SLOAD 0                         ; int
    .loc 0 39 13                        ; examples/auction.contract:39:13
    96  ADD
    97  SSTORE
    .loc 0 41 9                         ; examples/auction.contract:41:9
L98:
    98  PUSH_CONST 8                    ; 0x02
    .loc 0 41 26                        ; examples/auction.contract:41:26
   101  CALLER
    .loc 0 41 9                         ; examples/auction.contract:41:9
   102  SSTORE
    .loc 0 42 9                         ; examples/auction.contract:42:9
   103  PUSH_CONST 5                    ; 0x03
    .loc 0 42 23                        ; examples/auction.contract:42:23
   106  CALLVALUE
    .loc 0 42 9                         ; examples/auction.contract:42:9
   107  SSTORE
    .loc 0 43 34                        ; examples/auction.contract:43:34
   108  CALLER
    .loc 0 43 46                        ; examples/auction.contract:43:46
   109  CALLVALUE
    .loc 0 43 9                         ; examples/auction.contract:43:9
   110  EMIT 0                          ; HighestBidIncreased
    .loc 0 34 26                        ; examples/auction.contract:34:26
   113  RET

.function 2 withdraw() -> int locals 1 pub
    .loc 0 48 22                        ; examples/auction.contract:48:22
   114  PUSH_CONST 7                    ; 0x04
    .loc 0 48 38                        ; examples/auction.contract:48:38
   117  CALLER
    .loc 0 48 22                        ; examples/auction.contract:48:22
   118  KEY
   119  SLOAD 0                         ; int
    .loc 0 48 9                         ; examples/auction.contract:48:9
   121  STORE 0
    .loc 0 49 17                        ; examples/auction.contract:49:17
   123  LOAD 0
    .loc 0 49 26                        ; examples/auction.contract:49:26
   125  PUSH_INT 0
    .loc 0 49 24                        ; examples/auction.contract:49:24
   127  GT
    .loc 0 49 9                         ; examples/auction.contract:49:9
   128  JUMP_IF_TRUE L135
    .loc 0 49 29                        ; examples/auction.contract:49:29
   131  PUSH_CONST 9                    ; "nothing to withdraw"
    .loc 0 49 9                         ; examples/auction.contract:49:9
   134  REVERT
    .loc 0 51 9                         ; examples/auction.contract:51:9
L135:
   135  PUSH_CONST 7                    ; 0x04
    .loc 0 51 25                        ; examples/auction.contract:51:25
   138  CALLER
    .loc 0 51 9                         ; examples/auction.contract:51:9
   139  KEY
    .loc 0 51 39                        ; examples/auction.contract:51:39
   140  PUSH_INT 0
    .loc 0 51 9                         ; examples/auction.contract:51:9
   142  SSTORE
    .loc 0 52 18                        ; examples/auction.contract:52:18
   143  CALLER
    .loc 0 52 30                        ; examples/auction.contract:52:30
   144  LOAD 0
    .loc 0 52 9                         ; examples/auction.contract:52:9
   146  TRANSFER
    .loc 0 53 24                        ; examples/auction.contract:53:24
   147  CALLER
    .loc 0 53 36                        ; examples/auction.contract:53:36
   148  LOAD 0
    .loc 0 53 9                         ; examples/auction.contract:53:9
   150  EMIT 1                          ; Withdrawn
    .loc 0 54 16                        ; examples/auction.contract:54:16
   153  LOAD 0
    .loc 0 54 9                         ; examples/auction.contract:54:9
   155  RET

.function 3 end() locals 0 pub
    .loc 0 58 17                        ; examples/auction.contract:58:17
   156  BLOCK_NUMBER
    .loc 0 58 32                        ; examples/auction.contract:58:32
   157  PUSH_CONST 3                    ; 0x01
   160  SLOAD 0                         ; int
    .loc 0 58 30                        ; examples/auction.contract:58:30
   162  GT
    .loc 0 58 9                         ; examples/auction.contract:58:9
   163  JUMP_IF_TRUE L170
    .loc 0 58 43                        ; examples/auction.contract:58:43
   166  PUSH_CONST 10                   ; "auction not yet ended"
    .loc 0 58 9                         ; examples/auction.contract:58:9
   169  REVERT
    .loc 0 59 18                        ; examples/auction.contract:59:18
L170:
   170  PUSH_CONST 11                   ; 0x05
   173  SLOAD 1                         ; bool
    .loc 0 59 17                        ; examples/auction.contract:59:17
   175  NOT
    .loc 0 59 9                         ; examples/auction.contract:59:9
   176  JUMP_IF_TRUE L183
    .loc 0 59 25                        ; examples/auction.contract:59:25
   179  PUSH_CONST 4                    ; "auction already ended"
    .loc 0 59 9                         ; examples/auction.contract:59:9
   182  REVERT
    .loc 0 60 9                         ; examples/auction.contract:60:9
L183:
   183  PUSH_CONST 11                   ; 0x05
    .loc 0 60 17                        ; examples/auction.contract:60:17
   186  PUSH_TRUE
    .loc 0 60 9                         ; examples/auction.contract:60:9
   187  SSTORE
    .loc 0 61 27                        ; examples/auction.contract:61:27
   188  PUSH_CONST 8                    ; 0x02
   191  SLOAD 2                         ; address
    .loc 0 61 43                        ; examples/auction.contract:61:43
   193  PUSH_CONST 5                    ; 0x03
   196  SLOAD 0                         ; int
    .loc 0 61 9                         ; examples/auction.contract:61:9
   198  EMIT 2                          ; AuctionEnded
    .loc 0 62 12                        ; examples/auction.contract:62:12
   201  PUSH_CONST 5                    ; 0x03
   204  SLOAD 0                         ; int
    .loc 0 62 26                        ; examples/auction.contract:62:26
   206  PUSH_INT 0
    .loc 0 62 24                        ; examples/auction.contract:62:24
   208  GT
    .loc 0 62 9                         ; examples/auction.contract:62:9
   209  JUMP_IF_FALSE L223
    .loc 0 63 22                        ; examples/auction.contract:63:22
   212  PUSH_CONST 2                    ; 0x00
   215  SLOAD 2                         ; address
    .loc 0 63 35                        ; examples/auction.contract:63:35
   217  PUSH_CONST 5                    ; 0x03
   220  SLOAD 0                         ; int
    .loc 0 63 13                        ; examples/auction.contract:63:13
   222  TRANSFER
    .loc 0 57 18                        ; examples/auction.contract:57:18
L223:
   223  RET

.function 4 pending(who: address) -> int locals 1 pub view
    .loc 0 68 16                        ; examples/auction.contract:68:16
   224  PUSH_CONST 7                    ; 0x04
    .loc 0 68 32                        ; examples/auction.contract:68:32
   227  LOAD 0                          ; who
    .loc 0 68 16                        ; examples/auction.contract:68:16
   229  KEY
   230  SLOAD 0                         ; int
    .loc 0 68 9                         ; examples/auction.contract:68:9
   232  RET

.function 5 get_highest_bid() -> int locals 0 pub view
    .loc 0 72 16                        ; examples/auction.contract:72:16
   233  PUSH_CONST 5                    ; 0x03
   236  SLOAD 0                         ; int
    .loc 0 72 9                         ; examples/auction.contract:72:9
   238  RET

.function 6 get_highest_bidder() -> address locals 0 pub view
    .loc 0 76 16                        ; examples/auction.contract:76:16
   239  PUSH_CONST 8                    ; 0x02
   242  SLOAD 2                         ; address
    .loc 0 76 9                         ; examples/auction.contract:76:9
   244  RET

.function 7 get_end_block() -> int locals 0 pub view
    .loc 0 80 16                        ; examples/auction.contract:80:16
   245  PUSH_CONST 3                    ; 0x01
   248  SLOAD 0                         ; int
    .loc 0 80 9                         ; examples/auction.contract:80:9
   250  RET

.function 8 get_beneficiary() -> address locals 0 pub view
    .loc 0 84 16                        ; examples/auction.contract:84:16
   251  PUSH_CONST 2                    ; 0x00
   254  SLOAD 2                         ; address
    .loc 0 84 9                         ; examples/auction.contract:84:9
   256  RET

.function 9 is_ended() -> bool locals 0 pub view
    .loc 0 88 16                        ; examples/auction.contract:88:16
   257  PUSH_CONST 11                   ; 0x05
   260  SLOAD 1                         ; bool
    .loc 0 88 9                         ; examples/auction.contract:88:9
   262  RET
