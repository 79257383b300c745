; Obelisk code object, format version 2
.contract Token
.file 0 "examples/token.contract"
.file 1 "stdlib/ownable.contract"
.event 0 Transfer(sender: address, receiver: address, amount: int)
.event 1 Approval(holder: address, spender: address, amount: int)
.event 2 OwnershipTransferred(previous_owner: address, new_owner: address)
.const 0 string "supply must not be negative"
.const 1 bytes 0x00
.const 2 bytes 0x01
.const 3 bytes 0x02
.const 4 string "amount must be positive"
.const 5 string "insufficient balance"
.const 6 string "amount must not be negative"
.const 7 bytes 0x03
.const 8 string "allowance exceeded"
.const 9 string "on_token_received"
.const 10 bytes 0xa4626f6f6c
.const 11 string "receiver refused the tokens"
.const 12 string "Obelisk Credit"
.const 13 string "OBC"
.const 14 string "caller is not the owner"
.const 15 string "zero address"

.function 0 init(supply: int) locals 1 init
    .loc 0 37 17                        ; examples/token.contract:37:17
     0  LOAD 0                          ; supply
    .loc 0 37 27                        ; examples/token.contract:37:27
     2  PUSH_INT 0
    .loc 0 37 24                        ; examples/token.contract:37:24
     4  GE
    .loc 0 37 9                         ; examples/token.contract:37:9
     5  JUMP_IF_TRUE L12
    .loc 0 37 30                        ; examples/token.contract:37:30
     8  PUSH_CONST 0                    ; "supply must not be negative"
    .loc 0 37 9                         ; examples/token.contract:37:9
    11  REVERT
    .loc 0 38 9                         ; examples/token.contract:38:9
L12:
    12  PUSH_CONST 1                    ; 0x00
    .loc 0 38 17                        ; examples/token.contract:38:17
    15  CALLER
    .loc 0 38 9                         ; examples/token.contract:38:9
    16  SSTORE
    .loc 0 39 9                         ; examples/token.contract:39:9
    17  PUSH_CONST 2                    ; 0x01
    .loc 0 39 24                        ; examples/token.contract:39:24
    20  LOAD 0                          ; supply
    .loc 0 39 9                         ; examples/token.contract:39:9
    22  SSTORE
    .loc 0 40 9                         ; examples/token.contract:40:9
    23  PUSH_CONST 3                    ; 0x02
    .loc 0 40 18                        ; examples/token.contract:40:18
    26  CALLER
    .loc 0 40 9                         ; examples/token.contract:40:9
    27  KEY
    .loc 0 40 32                        ; examples/token.contract:40:32
    28  LOAD 0                          ; supply
    .loc 0 40 9                         ; examples/token.contract:40:9
    30  SSTORE
    .loc 0 41 35                        ; examples/token.contract:41:35
    31  PUSH_INT 0
    33  TO_ADDR
    .loc 0 41 47                        ; examples/token.contract:41:47
    34  CALLER
    .loc 0 41 9                         ; examples/token.contract:41:9
    35  EMIT 2                          ; OwnershipTransferred
    .loc 0 42 23                        ; examples/token.contract:42:23
    38  PUSH_INT 0
    40  TO_ADDR
    .loc 0 42 35                        ; examples/token.contract:42:35
    41  CALLER
    .loc 0 42 47                        ; examples/token.contract:42:47
    42  LOAD 0                          ; supply
    .loc 0 42 9                         ; examples/token.contract:42:9
    44  EMIT 0                          ; Transfer
    .loc 0 36 23                        ; examples/token.contract:36:23
    47  RET

.function 1 mint(to: address, amount: int) locals 2 pub
    .loc 0 47 31                        ; examples/token.contract:47:31
    48  PUSH_CONST 1                    ; 0x00
    51  SLOAD 2                         ; address
    .loc 0 47 38                        ; examples/token.contract:47:38
    53  CALLER
    .loc 0 47 9                         ; examples/token.contract:47:9
    54  CALL 15                         ; ownable.require_owner
    .loc 0 48 33                        ; examples/token.contract:48:33
    57  LOAD 0                          ; to
    .loc 0 48 9                         ; examples/token.contract:48:9
    59  CALL 16                         ; ownable.require_nonzero
    .loc 0 49 17                        ; examples/token.contract:49:17
    62  LOAD 1                          ; amount
    .loc 0 49 26                        ; examples/token.contract:49:26
    64  PUSH_INT 0
    .loc 0 49 24                        ; examples/token.contract:49:24
    66  GT
    .loc 0 49 9                         ; examples/token.contract:49:9
    67  JUMP_IF_TRUE L74
    .loc 0 49 29                        ; examples/token.contract:49:29
    70  PUSH_CONST 4                    ; "amount must be positive"
    .loc 0 49 9                         ; examples/token.contract:49:9
    73  REVERT
    .loc 0 50 9                         ; examples/token.contract:50:9
L74:
    74  PUSH_CONST 2                    ; 0x01
    77  DUP
    78  SLOAD 0                         ; int
    .loc 0 50 25                        ; examples/token.contract:50:25
    80  LOAD 1                          ; amount
    .loc 0 50 9                         ; examples/token.contract:50:9
    82  ADD
    83  SSTORE
    .loc 0 51 9                         ; examples/token.contract:51:9
    84  PUSH_CONST 3                    ; 0x02
    .loc 0 51 18                        ; examples/token.contract:51:18
    87  LOAD 0                          ; to
    .loc 0 51 9                         ; examples/token.contract:51:9
    89  KEY
    90  DUP
    91  SLOAD 0                         ; int
    .loc 0 51 25                        ; examples/token.contract:51:25
    93  LOAD 1                          ; amount
    .loc 0 51 9                         ; examples/token.contract:51:9
    95  ADD
    96  SSTORE
    .loc 0 52 23                        ; examples/token.contract:52:23
    97  PUSH_INT 0
    99  TO_ADDR
    .loc 0 52 35                        ; examples/token.contract:52:35
   100  LOAD 0                          ; to
    .loc 0 52 39                        ; examples/token.contract:52:39
   102  LOAD 1                          ; amount
    .loc 0 52 9                         ; examples/token.contract:52:9
   104  EMIT 0                          ; Transfer
    .loc 0 46 43                        ; examples/token.contract:46:43
   107  RET

.function 2 burn(amount: int) locals 1 pub
    .loc 0 57 17                        ; examples/token.contract:57:17
   108  LOAD 0                          ; amount
    .loc 0 57 26                        ; examples/token.contract:57:26
   110  PUSH_INT 0
    .loc 0 57 24                        ; examples/token.contract:57:24
   112  GT
    .loc 0 57 9                         ; examples/token.contract:57:9
   113  JUMP_IF_TRUE L120
    .loc 0 57 29                        ; examples/token.contract:57:29
   116  PUSH_CONST 4                    ; "amount must be positive"
    .loc 0 57 9                         ; examples/token.contract:57:9
   119  REVERT
    .loc 0 58 17                        ; examples/token.contract:58:17
L120:
   120  PUSH_CONST 3                    ; 0x02
    .loc 0 58 26                        ; examples/token.contract:58:26
   123  CALLER
    .loc 0 58 17                        ; examples/token.contract:58:17
   124  KEY
   125  SLOAD 0                         ; int
    .loc 0 58 41                        ; examples/token.contract:58:41
   127  LOAD 0                          ; amount
    .loc 0 58 38                        ; examples/token.contract:58:38
   129  GE
    .loc 0 58 9                         ; examples/token.contract:58:9
   130  JUMP_IF_TRUE L137
    .loc 0 58 49                        ; examples/token.contract:58:49
   133  PUSH_CONST 5                    ; "insufficient balance"
    .loc 0 58 9                         ; examples/token.contract:58:9
   136  REVERT
    .loc 0 59 9                         ; examples/token.contract:59:9
L137:
   137  PUSH_CONST 3                    ; 0x02
    .loc 0 59 18                        ; examples/token.contract:59:18
   140  CALLER
    .loc 0 59 9                         ; examples/token.contract:59:9
   141  KEY
   142  DUP
   143  SLOAD 0                         ; int
    .loc 0 59 33                        ; examples/token.contract:59:33
   145  LOAD 0                          ; amount
    .loc 0 59 9                         ; examples/token.contract:59:9
   147  SUB
   148  SSTORE
    .loc 0 60 9                         ; examples/token.contract:60:9
   149  PUSH_CONST 2                    ; 0x01
   152  DUP
   153  SLOAD 0                         ; int
    .loc 0 60 25                        ; examples/token.contract:60:25
   155  LOAD 0                          ; amount
    .loc 0 60 9                         ; examples/token.contract:60:9
   157  SUB
   158  SSTORE
    .loc 0 61 23                        ; examples/token.contract:61:23
   159  CALLER
    .loc 0 61 35                        ; examples/token.contract:61:35
   160  PUSH_INT 0
   162  TO_ADDR
    .loc 0 61 47                        ; examples/token.contract:61:47
   163  LOAD 0                          ; amount
    .loc 0 61 9                         ; examples/token.contract:61:9
   165  EMIT 0                          ; Transfer
    .loc 0 56 30                        ; examples/token.contract:56:30
   168  RET

.function 3 transfer(to: address, amount: int) -> bool locals 2 pub
    .loc 0 65 21                        ; examples/token.contract:65:21
   169  CALLER
    .loc 0 65 33                        ; examples/token.contract:65:33
   170  LOAD 0                          ; to
    .loc 0 65 37                        ; examples/token.contract:65:37
   172  LOAD 1                          ; amount
    .loc 0 65 9                         ; examples/token.contract:65:9
   174  CALL 14                         ; move_tokens
    .loc 0 66 16                        ; examples/token.contract:66:16
   177  PUSH_TRUE
    .loc 0 66 9                         ; examples/token.contract:66:9
   178  RET

.function 4 approve(spender: address, amount: int) -> bool locals 2 pub
    .loc 0 72 17                        ; examples/token.contract:72:17
   179  LOAD 1                          ; amount
    .loc 0 72 27                        ; examples/token.contract:72:27
   181  PUSH_INT 0
    .loc 0 72 24                        ; examples/token.contract:72:24
   183  GE
    .loc 0 72 9                         ; examples/token.contract:72:9
   184  JUMP_IF_TRUE L191
    .loc 0 72 30                        ; examples/token.contract:72:30
   187  PUSH_CONST 6                    ; "amount must not be negative"
    .loc 0 72 9                         ; examples/token.contract:72:9
   190  REVERT
    .loc 0 73 9                         ; examples/token.contract:73:9
L191:
   191  PUSH_CONST 7                    ; 0x03
    .loc 0 73 20                        ; examples/token.contract:73:20
   194  CALLER
    .loc 0 73 9                         ; examples/token.contract:73:9
   195  KEY
    .loc 0 73 32                        ; examples/token.contract:73:32
   196  LOAD 0                          ; spender
    .loc 0 73 9                         ; examples/token.contract:73:9
   198  KEY
    .loc 0 73 43                        ; examples/token.contract:73:43
   199  LOAD 1                          ; amount
    .loc 0 73 9                         ; examples/token.contract:73:9
   201  SSTORE
    .loc 0 74 23                        ; examples/token.contract:74:23
   202  CALLER
    .loc 0 74 35                        ; examples/token.contract:74:35
   203  LOAD 0                          ; spender
    .loc 0 74 44                        ; examples/token.contract:74:44
   205  LOAD 1                          ; amount
    .loc 0 74 9                         ; examples/token.contract:74:9
   207  EMIT 1                          ; Approval
    .loc 0 75 16                        ; examples/token.contract:75:16
   210  PUSH_TRUE
    .loc 0 75 9                         ; examples/token.contract:75:9
   211  RET

.function 5 transfer_from(src: address, dst: address, amount: int) -> bool locals 3 pub
    .loc 0 81 17                        ; examples/token.contract:81:17
   212  PUSH_CONST 7                    ; 0x03
    .loc 0 81 28                        ; examples/token.contract:81:28
   215  LOAD 0                          ; src
    .loc 0 81 17                        ; examples/token.contract:81:17
   217  KEY
    .loc 0 81 33                        ; examples/token.contract:81:33
   218  CALLER
    .loc 0 81 17                        ; examples/token.contract:81:17
   219  KEY
   220  SLOAD 0                         ; int
    .loc 0 81 48                        ; examples/token.contract:81:48
   222  LOAD 2                          ; amount
    .loc 0 81 45                        ; examples/token.contract:81:45
   224  GE
    .loc 0 81 9                         ; examples/token.contract:81:9
   225  JUMP_IF_TRUE L232
    .loc 0 81 56                        ; examples/token.contract:81:56
   228  PUSH_CONST 8                    ; "allowance exceeded"
    .loc 0 81 9                         ; examples/token.contract:81:9
   231  REVERT
    .loc 0 82 9                         ; examples/token.contract:82:9
L232:
   232  PUSH_CONST 7                    ; 0x03
    .loc 0 82 20                        ; examples/token.contract:82:20
   235  LOAD 0                          ; src
    .loc 0 82 9                         ; examples/token.contract:82:9
   237  KEY
    .loc 0 82 25                        ; examples/token.contract:82:25
   238  CALLER
    .loc 0 82 9                         ; examples/token.contract:82:9
   239  KEY
   240  DUP
   241  SLOAD 0                         ; int
    .loc 0 82 40                        ; examples/token.contract:82:40
   243  LOAD 2                          ; amount
    .loc 0 82 9                         ; examples/token.contract:82:9
   245  SUB
   246  SSTORE
    .loc 0 83 21                        ; examples/token.contract:83:21
   247  LOAD 0                          ; src
    .loc 0 83 26                        ; examples/token.contract:83:26
   249  LOAD 1                          ; dst
    .loc 0 83 31                        ; examples/token.contract:83:31
   251  LOAD 2                          ; amount
    .loc 0 83 9                         ; examples/token.contract:83:9
   253  CALL 14                         ; move_tokens
    .loc 0 84 16                        ; examples/token.contract:84:16
   256  PUSH_TRUE
    .loc 0 84 9                         ; examples/token.contract:84:9
   257  RET

.function 6 transfer_and_call(to: address, amount: int, data: bytes) -> bool locals 4 pub
    .loc 0 90 21                        ; examples/token.contract:90:21
   258  CALLER
    .loc 0 90 33                        ; examples/token.contract:90:33
   259  LOAD 0                          ; to
    .loc 0 90 37                        ; examples/token.contract:90:37
   261  LOAD 1                          ; amount
    .loc 0 90 9                         ; examples/token.contract:90:9
   263  CALL 14                         ; move_tokens
    .loc 0 92 38                        ; examples/token.contract:92:38
   266  LOAD 0                          ; to
    .loc 0 92 24                        ; examples/token.contract:92:24
   268  PUSH_CONST 9                    ; "on_token_received"
    .loc 0 92 60                        ; examples/token.contract:92:60
   271  CALLER
    .loc 0 92 72                        ; examples/token.contract:92:72
   272  LOAD 1                          ; amount
    .loc 0 92 80                        ; examples/token.contract:92:80
   274  LOAD 2                          ; data
    .loc 0 92 24                        ; examples/token.contract:92:24
   276  XCALL 3
   278  CHECK_TYPE 10                   ; bool
    .loc 0 92 9                         ; examples/token.contract:92:9
   281  STORE 3
    .loc 0 93 17                        ; examples/token.contract:93:17
   283  LOAD 3
    .loc 0 93 9                         ; examples/token.contract:93:9
   285  JUMP_IF_TRUE L292
    .loc 0 93 27                        ; examples/token.contract:93:27
   288  PUSH_CONST 11                   ; "receiver refused the tokens"
    .loc 0 93 9                         ; examples/token.contract:93:9
   291  REVERT
    .loc 0 94 16                        ; examples/token.contract:94:16
L292:
   292  PUSH_TRUE
    .loc 0 94 9                         ; examples/token.contract:94:9
   293  RET

.function 7 transfer_ownership(new_owner: address) locals 1 pub
    .loc 0 99 31                        ; examples/token.contract:99:31
   294  PUSH_CONST 1                    ; 0x00
   297  SLOAD 2                         ; address
    .loc 0 99 38                        ; examples/token.contract:99:38
   299  CALLER
    .loc 0 99 9                         ; examples/token.contract:99:9
   300  CALL 15                         ; ownable.require_owner
    .loc 0 100 33                       ; examples/token.contract:100:33
   303  LOAD 0                          ; new_owner
    .loc 0 100 9                        ; examples/token.contract:100:9
   305  CALL 16                         ; ownable.require_nonzero
    .loc 0 101 35                       ; examples/token.contract:101:35
   308  PUSH_CONST 1                    ; 0x00
   311  SLOAD 2                         ; address
    .loc 0 101 42                       ; examples/token.contract:101:42
   313  LOAD 0                          ; new_owner
    .loc 0 101 9                        ; examples/token.contract:101:9
   315  EMIT 2                          ; OwnershipTransferred
    .loc 0 102 9                        ; examples/token.contract:102:9
   318  PUSH_CONST 1                    ; 0x00
    .loc 0 102 17                       ; examples/token.contract:102:17
   321  LOAD 0                          ; new_owner
    .loc 0 102 9                        ; examples/token.contract:102:9
   323  SSTORE
    .loc 0 98 51                        ; examples/token.contract:98:51
   324  RET

.function 8 balance_of(who: address) -> int locals 1 pub view
    .loc 0 106 16                       ; examples/token.contract:106:16
   325  PUSH_CONST 3                    ; 0x02
    .loc 0 106 25                       ; examples/token.contract:106:25
   328  LOAD 0                          ; who
    .loc 0 106 16                       ; examples/token.contract:106:16
   330  KEY
   331  SLOAD 0                         ; int
    .loc 0 106 9                        ; examples/token.contract:106:9
   333  RET

.function 9 allowance(holder: address, spender: address) -> int locals 2 pub view
    .loc 0 110 16                       ; examples/token.contract:110:16
   334  PUSH_CONST 7                    ; 0x03
    .loc 0 110 27                       ; examples/token.contract:110:27
   337  LOAD 0                          ; holder
    .loc 0 110 16                       ; examples/token.contract:110:16
   339  KEY
    .loc 0 110 35                       ; examples/token.contract:110:35
   340  LOAD 1                          ; spender
    .loc 0 110 16                       ; examples/token.contract:110:16
   342  KEY
   343  SLOAD 0                         ; int
    .loc 0 110 9                        ; examples/token.contract:110:9
   345  RET

.function 10 supply() -> int locals 0 pub view
    .loc 0 114 16                       ; examples/token.contract:114:16
   346  PUSH_CONST 2                    ; 0x01
   349  SLOAD 0                         ; int
    .loc 0 114 9                        ; examples/token.contract:114:9
   351  RET

.function 11 get_owner() -> address locals 0 pub view
    .loc 0 118 16                       ; examples/token.contract:118:16
   352  PUSH_CONST 1                    ; 0x00
   355  SLOAD 2                         ; address
    .loc 0 118 9                        ; examples/token.contract:118:9
   357  RET

.function 12 name() -> string locals 0 pub view
    .loc 0 122 16                       ; examples/token.contract:122:16
   358  PUSH_CONST 12                   ; "Obelisk Credit"
    .loc 0 122 9                        ; examples/token.contract:122:9
   361  RET

.function 13 symbol() -> string locals 0 pub view
    .loc 0 126 16                       ; examples/token.contract:126:16
   362  PUSH_CONST 13                   ; "OBC"
    .loc 0 126 9                        ; examples/token.contract:126:9
   365  RET

.function 14 move_tokens(src: address, dst: address, amount: int) locals 3
    .loc 0 131 17                       ; examples/token.contract:131:17
   366  LOAD 2                          ; amount
    .loc 0 131 26                       ; examples/token.contract:131:26
   368  PUSH_INT 0
    .loc 0 131 24                       ; examples/token.contract:131:24
   370  GT
    .loc 0 131 9                        ; examples/token.contract:131:9
   371  JUMP_IF_TRUE L378
    .loc 0 131 29                       ; examples/token.contract:131:29
   374  PUSH_CONST 4                    ; "amount must be positive"
    .loc 0 131 9                        ; examples/token.contract:131:9
   377  REVERT
    .loc 0 132 33                       ; examples/token.contract:132:33
L378:
   378  LOAD 1                          ; dst
    .loc 0 132 9                        ; examples/token.contract:132:9
   380  CALL 16                         ; ownable.require_nonzero
    .loc 0 133 17                       ; examples/token.contract:133:17
   383  PUSH_CONST 3                    ; 0x02
    .loc 0 133 26                       ; examples/token.contract:133:26
   386  LOAD 0                          ; src
    .loc 0 133 17                       ; examples/token.contract:133:17
   388  KEY
   389  SLOAD 0                         ; int
    .loc 0 133 34                       ; examples/token.contract:133:34
   391  LOAD 2                          ; amount
    .loc 0 133 31                       ; examples/token.contract:133:31
   393  GE
    .loc 0 133 9                        ; examples/token.contract:133:9
   394  JUMP_IF_TRUE L401
    .loc 0 133 42                       ; examples/token.contract:133:42
   397  PUSH_CONST 5                    ; "insufficient balance"
    .loc 0 133 9                        ; examples/token.contract:133:9
   400  REVERT
    .loc 0 134 9                        ; examples/token.contract:134:9
L401:
   401  PUSH_CONST 3                    ; 0x02
    .loc 0 134 18                       ; examples/token.contract:134:18
   404  LOAD 0                          ; src
    .loc 0 134 9                        ; examples/token.contract:134:9
   406  KEY
   407  DUP
   408  SLOAD 0                         ; int
    .loc 0 134 26                       ; examples/token.contract:134:26
   410  LOAD 2                          ; amount
    .loc 0 134 9                        ; examples/token.contract:134:9
   412  SUB
   413  SSTORE
    .loc 0 135 9                        ; examples/token.contract:135:9
   414  PUSH_CONST 3                    ; 0x02
    .loc 0 135 18                       ; examples/token.contract:135:18
   417  LOAD 1                          ; dst
    .loc 0 135 9                        ; examples/token.contract:135:9
   419  KEY
   420  DUP
   421  SLOAD 0                         ; int
    .loc 0 135 26                       ; examples/token.contract:135:26
   423  LOAD 2                          ; amount
    .loc 0 135 9                        ; examples/token.contract:135:9
   425  ADD
   426  SSTORE
    .loc 0 136 23                       ; examples/token.contract:136:23
   427  LOAD 0                          ; src
    .loc 0 136 28                       ; examples/token.contract:136:28
   429  LOAD 1                          ; dst
    .loc 0 136 33                       ; examples/token.contract:136:33
   431  LOAD 2                          ; amount
    .loc 0 136 9                        ; examples/token.contract:136:9
   433  EMIT 0                          ; Transfer
    .loc 0 130 61                       ; examples/token.contract:130:61
   436  RET

.function 15 ownable.require_owner(owner: address, caller: address) locals 2
    .loc 1 15 13                        ; stdlib/ownable.contract:15:13
   437  LOAD 1                          ; caller
    .loc 1 15 23                        ; stdlib/ownable.contract:15:23
   439  LOAD 0                          ; owner
    .loc 1 15 20                        ; stdlib/ownable.contract:15:20
   441  EQ
    .loc 1 15 5                         ; stdlib/ownable.contract:15:5
   442  JUMP_IF_TRUE L449
    .loc 1 15 30                        ; stdlib/ownable.contract:15:30
   445  PUSH_CONST 14                   ; "caller is not the owner"
    .loc 1 15 5                         ; stdlib/ownable.contract:15:5
   448  REVERT
    .loc 1 14 51                        ; stdlib/ownable.contract:14:51
L449:
   449  RET

.function 16 ownable.require_nonzero(who: address) locals 1
    .loc 1 20 13                        ; stdlib/ownable.contract:20:13
   450  LOAD 0                          ; who
    .loc 1 20 20                        ; stdlib/ownable.contract:20:20
   452  PUSH_INT 0
   454  TO_ADDR
    .loc 1 20 17                        ; stdlib/ownable.contract:20:17
   455  NE
    .loc 1 20 5                         ; stdlib/ownable.contract:20:5
   456  JUMP_IF_TRUE L463
    .loc 1 20 32                        ; stdlib/ownable.contract:20:32
   459  PUSH_CONST 15                   ; "zero address"
    .loc 1 20 5                         ; stdlib/ownable.contract:20:5
   462  REVERT
    .loc 1 19 34                        ; stdlib/ownable.contract:19:34
L463:
   463  RET
