; Obelisk code object, format version 1
.contract Escrow
.file 0 "examples/escrow.contract"
.file 1 "stdlib/ownable.contract"
.event 0 Funded(buyer: address, seller: address, arbiter: address, amount: int, deadline: int)
.event 1 Released(seller: address, amount: int)
.event 2 Refunded(buyer: address, amount: int)
.event 3 Disputed(party: address)
.event 4 Resolved(seller_amount: int, buyer_amount: int)
.const 0 string "escrow needs a payment"
.const 1 string "buyer and seller must differ"
.const 2 string "the arbiter must be a third party"
.const 3 string "duration must be positive"
.const 4 bytes 0x00
.const 5 bytes 0x01
.const 6 bytes 0x02
.const 7 bytes 0x03
.const 8 bytes 0x04
.const 9 bytes 0x05
.const 10 string "only the buyer can release"
.const 11 string "not releasable"
.const 12 string "not refundable"
.const 13 string "deadline not reached"
.const 14 string "only the buyer or the seller can refund"
.const 15 string "only the buyer or the seller can dispute"
.const 16 string "not disputable"
.const 17 string "deadline passed"
.const 18 string "only the arbiter can resolve"
.const 19 string "no dispute to resolve"
.const 20 string "split out of range"
.const 21 string "zero address"

.function 0 init(seller_address: address, arbiter_address: address, duration_blocks: int) locals 3 payable init
    .loc 0 47 17                        ; examples/escrow.contract:47:17
     0  CALLVALUE
    .loc 0 47 29                        ; examples/escrow.contract:47:29
     1  PUSH_INT 0
    .loc 0 47 27                        ; examples/escrow.contract:47:27
     3  GT
    .loc 0 47 9                         ; examples/escrow.contract:47:9
     4  JUMP_IF_TRUE L11
    .loc 0 47 32                        ; examples/escrow.contract:47:32
     7  PUSH_CONST 0                    ; "escrow needs a payment"
    .loc 0 47 9                         ; examples/escrow.contract:47:9
    10  REVERT
    .loc 0 48 33                        ; examples/escrow.contract:48:33
L11:
    11  LOAD 0                          ; seller_address
    .loc 0 48 9                         ; examples/escrow.contract:48:9
    13  CALL 9                          ; ownable.require_nonzero
    .loc 0 49 33                        ; examples/escrow.contract:49:33
    16  LOAD 1                          ; arbiter_address
    .loc 0 49 9                         ; examples/escrow.contract:49:9
    18  CALL 9                          ; ownable.require_nonzero
    .loc 0 50 17                        ; examples/escrow.contract:50:17
    21  LOAD 0                          ; seller_address
    .loc 0 50 35                        ; examples/escrow.contract:50:35
    23  CALLER
    .loc 0 50 32                        ; examples/escrow.contract:50:32
    24  NE
    .loc 0 50 9                         ; examples/escrow.contract:50:9
    25  JUMP_IF_TRUE L32
    .loc 0 50 47                        ; examples/escrow.contract:50:47
    28  PUSH_CONST 1                    ; "buyer and seller must differ"
    .loc 0 50 9                         ; examples/escrow.contract:50:9
    31  REVERT
    .loc 0 51 17                        ; examples/escrow.contract:51:17
L32:
    32  LOAD 1                          ; arbiter_address
    .loc 0 51 36                        ; examples/escrow.contract:51:36
    34  CALLER
    .loc 0 51 33                        ; examples/escrow.contract:51:33
    35  NE
    .loc 0 51 47                        ; examples/escrow.contract:51:47
    36  DUP
    37  JUMP_IF_FALSE L46
    40  POP
    .loc 0 51 50                        ; examples/escrow.contract:51:50
    41  LOAD 1                          ; arbiter_address
    .loc 0 51 69                        ; examples/escrow.contract:51:69
    43  LOAD 0                          ; seller_address
    .loc 0 51 66                        ; examples/escrow.contract:51:66
    45  NE
    .loc 0 51 9                         ; examples/escrow.contract:51:9
L46:
    46  JUMP_IF_TRUE L53
    .loc 0 52 17                        ; examples/escrow.contract:52:17
    49  PUSH_CONST 2                    ; "the arbiter must be a third party"
    .loc 0 51 9                         ; examples/escrow.contract:51:9
    52  REVERT
    .loc 0 53 17                        ; examples/escrow.contract:53:17
L53:
    53  LOAD 2                          ; duration_blocks
    .loc 0 53 35                        ; examples/escrow.contract:53:35
    55  PUSH_INT 0
    .loc 0 53 33                        ; examples/escrow.contract:53:33
    57  GT
    .loc 0 53 9                         ; examples/escrow.contract:53:9
    58  JUMP_IF_TRUE L65
    .loc 0 53 38                        ; examples/escrow.contract:53:38
    61  PUSH_CONST 3                    ; "duration must be positive"
    .loc 0 53 9                         ; examples/escrow.contract:53:9
    64  REVERT
    .loc 0 54 9                         ; examples/escrow.contract:54:9
L65:
    65  PUSH_CONST 4                    ; 0x00
    .loc 0 54 17                        ; examples/escrow.contract:54:17
    68  CALLER
    .loc 0 54 9                         ; examples/escrow.contract:54:9
    69  SSTORE
    .loc 0 55 9                         ; examples/escrow.contract:55:9
    70  PUSH_CONST 5                    ; 0x01
    .loc 0 55 18                        ; examples/escrow.contract:55:18
    73  LOAD 0                          ; seller_address
    .loc 0 55 9                         ; examples/escrow.contract:55:9
    75  SSTORE
    .loc 0 56 9                         ; examples/escrow.contract:56:9
    76  PUSH_CONST 6                    ; 0x02
    .loc 0 56 19                        ; examples/escrow.contract:56:19
    79  LOAD 1                          ; arbiter_address
    .loc 0 56 9                         ; examples/escrow.contract:56:9
    81  SSTORE
    .loc 0 57 9                         ; examples/escrow.contract:57:9
    82  PUSH_CONST 7                    ; 0x03
    .loc 0 57 18                        ; examples/escrow.contract:57:18
    85  CALLVALUE
    .loc 0 57 9                         ; examples/escrow.contract:57:9
    86  SSTORE
    .loc 0 58 9                         ; examples/escrow.contract:58:9
    87  PUSH_CONST 8                    ; 0x04
    .loc 0 58 20                        ; examples/escrow.contract:58:20
    90  BLOCK_NUMBER
    .loc 0 58 35                        ; examples/escrow.contract:58:35
    91  LOAD 2                          ; duration_blocks
    .loc 0 58 33                        ; examples/escrow.contract:58:33
    93  ADD
    .loc 0 58 9                         ; examples/escrow.contract:58:9
    94  SSTORE
    .loc 0 59 9                         ; examples/escrow.contract:59:9
    95  PUSH_CONST 9                    ; 0x05
    .loc 0 59 17                        ; examples/escrow.contract:59:17
    98  PUSH_INT 0
    .loc 0 59 9                         ; examples/escrow.contract:59:9
   100  SSTORE
    .loc 0 60 21                        ; examples/escrow.contract:60:21
   101  PUSH_CONST 4                    ; 0x00
   104  SLOAD 2                         ; address
    .loc 0 60 28                        ; examples/escrow.contract:60:28
   106  PUSH_CONST 5                    ; 0x01
   109  SLOAD 2                         ; address
    .loc 0 60 36                        ; examples/escrow.contract:60:36
   111  PUSH_CONST 6                    ; 0x02
   114  SLOAD 2                         ; address
    .loc 0 60 45                        ; examples/escrow.contract:60:45
   116  PUSH_CONST 7                    ; 0x03
   119  SLOAD 0                         ; int
    .loc 0 60 53                        ; examples/escrow.contract:60:53
   121  PUSH_CONST 8                    ; 0x04
   124  SLOAD 0                         ; int
    .loc 0 60 9                         ; examples/escrow.contract:60:9
   126  EMIT 0                          ; Funded
    .loc 0 46 91                        ; examples/escrow.contract:46:91
   129  RET

.function 1 release() locals 0 pub
    .loc 0 66 17                        ; examples/escrow.contract:66:17
   130  CALLER
    .loc 0 66 31                        ; examples/escrow.contract:66:31
   131  PUSH_CONST 4                    ; 0x00
   134  SLOAD 2                         ; address
    .loc 0 66 28                        ; examples/escrow.contract:66:28
   136  EQ
    .loc 0 66 9                         ; examples/escrow.contract:66:9
   137  JUMP_IF_TRUE L144
    .loc 0 66 38                        ; examples/escrow.contract:66:38
   140  PUSH_CONST 10                   ; "only the buyer can release"
    .loc 0 66 9                         ; examples/escrow.contract:66:9
   143  REVERT
    .loc 0 67 17                        ; examples/escrow.contract:67:17
L144:
   144  PUSH_CONST 9                    ; 0x05
   147  SLOAD 0                         ; int
    .loc 0 67 26                        ; examples/escrow.contract:67:26
   149  PUSH_INT 0
    .loc 0 67 23                        ; examples/escrow.contract:67:23
   151  EQ
    .loc 0 67 9                         ; examples/escrow.contract:67:9
   152  JUMP_IF_TRUE L159
    .loc 0 67 34                        ; examples/escrow.contract:67:34
   155  PUSH_CONST 11                   ; "not releasable"
    .loc 0 67 9                         ; examples/escrow.contract:67:9
   158  REVERT
    .loc 0 68 9                         ; examples/escrow.contract:68:9
L159:
   159  PUSH_CONST 9                    ; 0x05
    .loc 0 68 17                        ; examples/escrow.contract:68:17
   162  PUSH_INT 2
    .loc 0 68 9                         ; examples/escrow.contract:68:9
   164  SSTORE
    .loc 0 69 18                        ; examples/escrow.contract:69:18
   165  PUSH_CONST 5                    ; 0x01
   168  SLOAD 2                         ; address
    .loc 0 69 26                        ; examples/escrow.contract:69:26
   170  PUSH_CONST 7                    ; 0x03
   173  SLOAD 0                         ; int
    .loc 0 69 9                         ; examples/escrow.contract:69:9
   175  TRANSFER
    .loc 0 70 23                        ; examples/escrow.contract:70:23
   176  PUSH_CONST 5                    ; 0x01
   179  SLOAD 2                         ; address
    .loc 0 70 31                        ; examples/escrow.contract:70:31
   181  PUSH_CONST 7                    ; 0x03
   184  SLOAD 0                         ; int
    .loc 0 70 9                         ; examples/escrow.contract:70:9
   186  EMIT 1                          ; Released
    .loc 0 65 22                        ; examples/escrow.contract:65:22
   189  RET

.function 2 refund() locals 0 pub
    .loc 0 76 17                        ; examples/escrow.contract:76:17
   190  PUSH_CONST 9                    ; 0x05
   193  SLOAD 0                         ; int
    .loc 0 76 26                        ; examples/escrow.contract:76:26
   195  PUSH_INT 0
    .loc 0 76 23                        ; examples/escrow.contract:76:23
   197  EQ
    .loc 0 76 9                         ; examples/escrow.contract:76:9
   198  JUMP_IF_TRUE L205
    .loc 0 76 34                        ; examples/escrow.contract:76:34
   201  PUSH_CONST 12                   ; "not refundable"
    .loc 0 76 9                         ; examples/escrow.contract:76:9
   204  REVERT
    .loc 0 77 12                        ; examples/escrow.contract:77:12
L205:
   205  CALLER
    .loc 0 77 26                        ; examples/escrow.contract:77:26
   206  PUSH_CONST 4                    ; 0x00
   209  SLOAD 2                         ; address
    .loc 0 77 23                        ; examples/escrow.contract:77:23
   211  EQ
    .loc 0 77 9                         ; examples/escrow.contract:77:9
   212  JUMP_IF_FALSE L232
    .loc 0 78 21                        ; examples/escrow.contract:78:21
   215  BLOCK_NUMBER
    .loc 0 78 36                        ; examples/escrow.contract:78:36
   216  PUSH_CONST 8                    ; 0x04
   219  SLOAD 0                         ; int
    .loc 0 78 34                        ; examples/escrow.contract:78:34
   221  GT
    .loc 0 78 13                        ; examples/escrow.contract:78:13
   222  JUMP_IF_TRUE L229
    .loc 0 78 46                        ; examples/escrow.contract:78:46
   225  PUSH_CONST 13                   ; "deadline not reached"
    .loc 0 78 13                        ; examples/escrow.contract:78:13
   228  REVERT
    .loc 0 77 9                         ; examples/escrow.contract:77:9
L229:
   229  JUMP L246
    .loc 0 80 21                        ; examples/escrow.contract:80:21
L232:
   232  CALLER
    .loc 0 80 35                        ; examples/escrow.contract:80:35
   233  PUSH_CONST 5                    ; 0x01
   236  SLOAD 2                         ; address
    .loc 0 80 32                        ; examples/escrow.contract:80:32
   238  EQ
    .loc 0 80 13                        ; examples/escrow.contract:80:13
   239  JUMP_IF_TRUE L246
    .loc 0 80 43                        ; examples/escrow.contract:80:43
   242  PUSH_CONST 14                   ; "only the buyer or the seller can refund"
    .loc 0 80 13                        ; examples/escrow.contract:80:13
   245  REVERT
    .loc 0 82 9                         ; examples/escrow.contract:82:9
L246:
   246  PUSH_CONST 9                    ; 0x05
    .loc 0 82 17                        ; examples/escrow.contract:82:17
   249  PUSH_INT 3
    .loc 0 82 9                         ; examples/escrow.contract:82:9
   251  SSTORE
    .loc 0 83 18                        ; examples/escrow.contract:83:18
   252  PUSH_CONST 4                    ; 0x00
   255  SLOAD 2                         ; address
    .loc 0 83 25                        ; examples/escrow.contract:83:25
   257  PUSH_CONST 7                    ; 0x03
   260  SLOAD 0                         ; int
    .loc 0 83 9                         ; examples/escrow.contract:83:9
   262  TRANSFER
    .loc 0 84 23                        ; examples/escrow.contract:84:23
   263  PUSH_CONST 4                    ; 0x00
   266  SLOAD 2                         ; address
    .loc 0 84 30                        ; examples/escrow.contract:84:30
   268  PUSH_CONST 7                    ; 0x03
   271  SLOAD 0                         ; int
    .loc 0 84 9                         ; examples/escrow.contract:84:9
   273  EMIT 2                          ; Refunded
    .loc 0 75 21                        ; examples/escrow.contract:75:21
   276  RET

.function 3 dispute() locals 0 pub
    .loc 0 89 17                        ; examples/escrow.contract:89:17
   277  CALLER
    .loc 0 89 31                        ; examples/escrow.contract:89:31
   278  PUSH_CONST 4                    ; 0x00
   281  SLOAD 2                         ; address
    .loc 0 89 28                        ; examples/escrow.contract:89:28
   283  EQ
    .loc 0 89 37                        ; examples/escrow.contract:89:37
   284  DUP
   285  JUMP_IF_TRUE L296
   288  POP
    .loc 0 89 40                        ; examples/escrow.contract:89:40
   289  CALLER
    .loc 0 89 54                        ; examples/escrow.contract:89:54
   290  PUSH_CONST 5                    ; 0x01
   293  SLOAD 2                         ; address
    .loc 0 89 51                        ; examples/escrow.contract:89:51
   295  EQ
    .loc 0 89 9                         ; examples/escrow.contract:89:9
L296:
   296  JUMP_IF_TRUE L303
    .loc 0 89 62                        ; examples/escrow.contract:89:62
   299  PUSH_CONST 15                   ; "only the buyer or the seller can dispute"
    .loc 0 89 9                         ; examples/escrow.contract:89:9
   302  REVERT
    .loc 0 90 17                        ; examples/escrow.contract:90:17
L303:
   303  PUSH_CONST 9                    ; 0x05
   306  SLOAD 0                         ; int
    .loc 0 90 26                        ; examples/escrow.contract:90:26
   308  PUSH_INT 0
    .loc 0 90 23                        ; examples/escrow.contract:90:23
   310  EQ
    .loc 0 90 9                         ; examples/escrow.contract:90:9
   311  JUMP_IF_TRUE L318
    .loc 0 90 34                        ; examples/escrow.contract:90:34
   314  PUSH_CONST 16                   ; "not disputable"
    .loc 0 90 9                         ; examples/escrow.contract:90:9
   317  REVERT
    .loc 0 91 17                        ; examples/escrow.contract:91:17
L318:
   318  BLOCK_NUMBER
    .loc 0 91 33                        ; examples/escrow.contract:91:33
   319  PUSH_CONST 8                    ; 0x04
   322  SLOAD 0                         ; int
    .loc 0 91 30                        ; examples/escrow.contract:91:30
   324  LE
    .loc 0 91 9                         ; examples/escrow.contract:91:9
   325  JUMP_IF_TRUE L332
    .loc 0 91 43                        ; examples/escrow.contract:91:43
   328  PUSH_CONST 17                   ; "deadline passed"
    .loc 0 91 9                         ; examples/escrow.contract:91:9
   331  REVERT
    .loc 0 92 9                         ; examples/escrow.contract:92:9
L332:
   332  PUSH_CONST 9                    ; 0x05
    .loc 0 92 17                        ; examples/escrow.contract:92:17
   335  PUSH_INT 1
    .loc 0 92 9                         ; examples/escrow.contract:92:9
   337  SSTORE
    .loc 0 93 23                        ; examples/escrow.contract:93:23
   338  CALLER
    .loc 0 93 9                         ; examples/escrow.contract:93:9
   339  EMIT 3                          ; Disputed
    .loc 0 88 22                        ; examples/escrow.contract:88:22
   342  RET

.function 4 resolve(seller_amount: int) locals 2 pub
    .loc 0 98 17                        ; examples/escrow.contract:98:17
   343  CALLER
    .loc 0 98 31                        ; examples/escrow.contract:98:31
   344  PUSH_CONST 6                    ; 0x02
   347  SLOAD 2                         ; address
    .loc 0 98 28                        ; examples/escrow.contract:98:28
   349  EQ
    .loc 0 98 9                         ; examples/escrow.contract:98:9
   350  JUMP_IF_TRUE L357
    .loc 0 98 40                        ; examples/escrow.contract:98:40
   353  PUSH_CONST 18                   ; "only the arbiter can resolve"
    .loc 0 98 9                         ; examples/escrow.contract:98:9
   356  REVERT
    .loc 0 99 17                        ; examples/escrow.contract:99:17
L357:
   357  PUSH_CONST 9                    ; 0x05
   360  SLOAD 0                         ; int
    .loc 0 99 26                        ; examples/escrow.contract:99:26
   362  PUSH_INT 1
    .loc 0 99 23                        ; examples/escrow.contract:99:23
   364  EQ
    .loc 0 99 9                         ; examples/escrow.contract:99:9
   365  JUMP_IF_TRUE L372
    .loc 0 99 36                        ; examples/escrow.contract:99:36
   368  PUSH_CONST 19                   ; "no dispute to resolve"
    .loc 0 99 9                         ; examples/escrow.contract:99:9
   371  REVERT
    .loc 0 100 17                       ; examples/escrow.contract:100:17
L372:
   372  LOAD 0                          ; seller_amount
    .loc 0 100 34                       ; examples/escrow.contract:100:34
   374  PUSH_INT 0
    .loc 0 100 31                       ; examples/escrow.contract:100:31
   376  GE
    .loc 0 100 36                       ; examples/escrow.contract:100:36
   377  DUP
   378  JUMP_IF_FALSE L390
   381  POP
    .loc 0 100 39                       ; examples/escrow.contract:100:39
   382  LOAD 0                          ; seller_amount
    .loc 0 100 56                       ; examples/escrow.contract:100:56
   384  PUSH_CONST 7                    ; 0x03
   387  SLOAD 0                         ; int
    .loc 0 100 53                       ; examples/escrow.contract:100:53
   389  LE
    .loc 0 100 9                        ; examples/escrow.contract:100:9
L390:
   390  JUMP_IF_TRUE L397
    .loc 0 100 64                       ; examples/escrow.contract:100:64
   393  PUSH_CONST 20                   ; "split out of range"
    .loc 0 100 9                        ; examples/escrow.contract:100:9
   396  REVERT
    .loc 0 101 9                        ; examples/escrow.contract:101:9
L397:
   397  PUSH_CONST 9                    ; 0x05
    .loc 0 101 17                       ; examples/escrow.contract:101:17
   400  PUSH_INT 4
    .loc 0 101 9                        ; examples/escrow.contract:101:9
   402  SSTORE
    .loc 0 102 28                       ; examples/escrow.contract:102:28
   403  PUSH_CONST 7                    ; 0x03
   406  SLOAD 0                         ; int
    .loc 0 102 37                       ; examples/escrow.contract:102:37
   408  LOAD 0                          ; seller_amount
    .loc 0 102 35                       ; examples/escrow.contract:102:35
   410  SUB
    .loc 0 102 9                        ; examples/escrow.contract:102:9
   411  STORE 1
    .loc 0 103 12                       ; examples/escrow.contract:103:12
   413  LOAD 0                          ; seller_amount
    .loc 0 103 28                       ; examples/escrow.contract:103:28
   415  PUSH_INT 0
    .loc 0 103 26                       ; examples/escrow.contract:103:26
   417  GT
    .loc 0 103 9                        ; examples/escrow.contract:103:9
   418  JUMP_IF_FALSE L429
    .loc 0 104 22                       ; examples/escrow.contract:104:22
   421  PUSH_CONST 5                    ; 0x01
   424  SLOAD 2                         ; address
    .loc 0 104 30                       ; examples/escrow.contract:104:30
   426  LOAD 0                          ; seller_amount
    .loc 0 104 13                       ; examples/escrow.contract:104:13
   428  TRANSFER
    .loc 0 106 12                       ; examples/escrow.contract:106:12
L429:
   429  LOAD 1
    .loc 0 106 27                       ; examples/escrow.contract:106:27
   431  PUSH_INT 0
    .loc 0 106 25                       ; examples/escrow.contract:106:25
   433  GT
    .loc 0 106 9                        ; examples/escrow.contract:106:9
   434  JUMP_IF_FALSE L445
    .loc 0 107 22                       ; examples/escrow.contract:107:22
   437  PUSH_CONST 4                    ; 0x00
   440  SLOAD 2                         ; address
    .loc 0 107 29                       ; examples/escrow.contract:107:29
   442  LOAD 1
    .loc 0 107 13                       ; examples/escrow.contract:107:13
   444  TRANSFER
    .loc 0 109 23                       ; examples/escrow.contract:109:23
L445:
   445  LOAD 0                          ; seller_amount
    .loc 0 109 38                       ; examples/escrow.contract:109:38
   447  LOAD 1
    .loc 0 109 9                        ; examples/escrow.contract:109:9
   449  EMIT 4                          ; Resolved
    .loc 0 97 40                        ; examples/escrow.contract:97:40
   452  RET

.function 5 get_state() -> int locals 0 pub view
    .loc 0 113 16                       ; examples/escrow.contract:113:16
   453  PUSH_CONST 9                    ; 0x05
   456  SLOAD 0                         ; int
    .loc 0 113 9                        ; examples/escrow.contract:113:9
   458  RET

.function 6 get_amount() -> int locals 0 pub view
    .loc 0 117 16                       ; examples/escrow.contract:117:16
   459  PUSH_CONST 7                    ; 0x03
   462  SLOAD 0                         ; int
    .loc 0 117 9                        ; examples/escrow.contract:117:9
   464  RET

.function 7 get_deadline() -> int locals 0 pub view
    .loc 0 121 16                       ; examples/escrow.contract:121:16
   465  PUSH_CONST 8                    ; 0x04
   468  SLOAD 0                         ; int
    .loc 0 121 9                        ; examples/escrow.contract:121:9
   470  RET

.function 8 parties() -> Parties{buyer: address, seller: address, arbiter: address} locals 0 pub view
    .loc 0 125 24                       ; examples/escrow.contract:125:24
   471  PUSH_CONST 4                    ; 0x00
   474  SLOAD 2                         ; address
    .loc 0 125 31                       ; examples/escrow.contract:125:31
   476  PUSH_CONST 5                    ; 0x01
   479  SLOAD 2                         ; address
    .loc 0 125 39                       ; examples/escrow.contract:125:39
   481  PUSH_CONST 6                    ; 0x02
   484  SLOAD 2                         ; address
    .loc 0 125 16                       ; examples/escrow.contract:125:16
   486  MAKE_STRUCT 3
    .loc 0 125 9                        ; examples/escrow.contract:125:9
   488  RET

.function 9 ownable.require_nonzero(who: address) locals 1
    .loc 1 20 13                        ; stdlib/ownable.contract:20:13
   489  LOAD 0                          ; who
    .loc 1 20 20                        ; stdlib/ownable.contract:20:20
   491  PUSH_INT 0
   493  TO_ADDR
    .loc 1 20 17                        ; stdlib/ownable.contract:20:17
   494  NE
    .loc 1 20 5                         ; stdlib/ownable.contract:20:5
   495  JUMP_IF_TRUE L502
    .loc 1 20 32                        ; stdlib/ownable.contract:20:32
   498  PUSH_CONST 21                   ; "zero address"
    .loc 1 20 5                         ; stdlib/ownable.contract:20:5
   501  REVERT
    .loc 1 19 34                        ; stdlib/ownable.contract:19:34
L502:
   502  RET
