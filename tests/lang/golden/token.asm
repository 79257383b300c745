; Obelisk code object, format version 1
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
.const 4 bytes 0x03
.const 5 bytes 0x04
.const 6 string "amount must be positive"
.const 7 string "insufficient balance"
.const 8 string "amount must not be negative"
.const 9 bytes 0x05
.const 10 string "allowance exceeded"
.const 11 string "on_token_received"
.const 12 string "receiver refused the tokens"
.const 13 string "caller is not the owner"
.const 14 string "zero address"

.function 0 init(name: string, symbol: string, supply: int) locals 3 init
    .loc 0 34 17                        ; examples/token.contract:34:17
     0  LOAD 2                          ; supply
    .loc 0 34 27                        ; examples/token.contract:34:27
     2  PUSH_INT 0
    .loc 0 34 24                        ; examples/token.contract:34:24
     4  GE
    .loc 0 34 9                         ; examples/token.contract:34:9
     5  JUMP_IF_TRUE L12
    .loc 0 34 30                        ; examples/token.contract:34:30
     8  PUSH_CONST 0                    ; "supply must not be negative"
    .loc 0 34 9                         ; examples/token.contract:34:9
    11  REVERT
    .loc 0 35 9                         ; examples/token.contract:35:9
L12:
    12  PUSH_CONST 1                    ; 0x00
    .loc 0 35 17                        ; examples/token.contract:35:17
    15  CALLER
    .loc 0 35 9                         ; examples/token.contract:35:9
    16  SSTORE
    .loc 0 36 9                         ; examples/token.contract:36:9
    17  PUSH_CONST 2                    ; 0x01
    .loc 0 36 22                        ; examples/token.contract:36:22
    20  LOAD 0                          ; name
    .loc 0 36 9                         ; examples/token.contract:36:9
    22  SSTORE
    .loc 0 37 9                         ; examples/token.contract:37:9
    23  PUSH_CONST 3                    ; 0x02
    .loc 0 37 24                        ; examples/token.contract:37:24
    26  LOAD 1                          ; symbol
    .loc 0 37 9                         ; examples/token.contract:37:9
    28  SSTORE
    .loc 0 38 9                         ; examples/token.contract:38:9
    29  PUSH_CONST 4                    ; 0x03
    .loc 0 38 24                        ; examples/token.contract:38:24
    32  LOAD 2                          ; supply
    .loc 0 38 9                         ; examples/token.contract:38:9
    34  SSTORE
    .loc 0 39 9                         ; examples/token.contract:39:9
    35  PUSH_CONST 5                    ; 0x04
    .loc 0 39 18                        ; examples/token.contract:39:18
    38  CALLER
    .loc 0 39 9                         ; examples/token.contract:39:9
    39  KEY
    .loc 0 39 32                        ; examples/token.contract:39:32
    40  LOAD 2                          ; supply
    .loc 0 39 9                         ; examples/token.contract:39:9
    42  SSTORE
    .loc 0 40 35                        ; examples/token.contract:40:35
    43  PUSH_INT 0
    45  TO_ADDR
    .loc 0 40 47                        ; examples/token.contract:40:47
    46  CALLER
    .loc 0 40 9                         ; examples/token.contract:40:9
    47  EMIT 2                          ; OwnershipTransferred
    .loc 0 41 23                        ; examples/token.contract:41:23
    50  PUSH_INT 0
    52  TO_ADDR
    .loc 0 41 35                        ; examples/token.contract:41:35
    53  CALLER
    .loc 0 41 47                        ; examples/token.contract:41:47
    54  LOAD 2                          ; supply
    .loc 0 41 9                         ; examples/token.contract:41:9
    56  EMIT 0                          ; Transfer
    .loc 0 33 53                        ; examples/token.contract:33:53
    59  RET

.function 1 mint(to: address, amount: int) locals 2 pub
    .loc 0 46 31                        ; examples/token.contract:46:31
    60  PUSH_CONST 1                    ; 0x00
    63  SLOAD 2                         ; address
    .loc 0 46 38                        ; examples/token.contract:46:38
    65  CALLER
    .loc 0 46 9                         ; examples/token.contract:46:9
    66  CALL 15                         ; ownable.require_owner
    .loc 0 47 33                        ; examples/token.contract:47:33
    69  LOAD 0                          ; to
    .loc 0 47 9                         ; examples/token.contract:47:9
    71  CALL 16                         ; ownable.require_nonzero
    .loc 0 48 17                        ; examples/token.contract:48:17
    74  LOAD 1                          ; amount
    .loc 0 48 26                        ; examples/token.contract:48:26
    76  PUSH_INT 0
    .loc 0 48 24                        ; examples/token.contract:48:24
    78  GT
    .loc 0 48 9                         ; examples/token.contract:48:9
    79  JUMP_IF_TRUE L86
    .loc 0 48 29                        ; examples/token.contract:48:29
    82  PUSH_CONST 6                    ; "amount must be positive"
    .loc 0 48 9                         ; examples/token.contract:48:9
    85  REVERT
    .loc 0 49 9                         ; examples/token.contract:49:9
L86:
    86  PUSH_CONST 4                    ; 0x03
    89  DUP
    90  SLOAD 0                         ; int
    .loc 0 49 25                        ; examples/token.contract:49:25
    92  LOAD 1                          ; amount
    .loc 0 49 9                         ; examples/token.contract:49:9
    94  ADD
    95  SSTORE
    .loc 0 50 9                         ; examples/token.contract:50:9
    96  PUSH_CONST 5                    ; 0x04
    .loc 0 50 18                        ; examples/token.contract:50:18
    99  LOAD 0                          ; to
    .loc 0 50 9                         ; examples/token.contract:50:9
   101  KEY
   102  DUP
   103  SLOAD 0                         ; int
    .loc 0 50 25                        ; examples/token.contract:50:25
   105  LOAD 1                          ; amount
    .loc 0 50 9                         ; examples/token.contract:50:9
   107  ADD
   108  SSTORE
    .loc 0 51 23                        ; examples/token.contract:51:23
   109  PUSH_INT 0
   111  TO_ADDR
    .loc 0 51 35                        ; examples/token.contract:51:35
   112  LOAD 0                          ; to
    .loc 0 51 39                        ; examples/token.contract:51:39
   114  LOAD 1                          ; amount
    .loc 0 51 9                         ; examples/token.contract:51:9
   116  EMIT 0                          ; Transfer
    .loc 0 45 43                        ; examples/token.contract:45:43
   119  RET

.function 2 burn(amount: int) locals 1 pub
    .loc 0 56 17                        ; examples/token.contract:56:17
   120  LOAD 0                          ; amount
    .loc 0 56 26                        ; examples/token.contract:56:26
   122  PUSH_INT 0
    .loc 0 56 24                        ; examples/token.contract:56:24
   124  GT
    .loc 0 56 9                         ; examples/token.contract:56:9
   125  JUMP_IF_TRUE L132
    .loc 0 56 29                        ; examples/token.contract:56:29
   128  PUSH_CONST 6                    ; "amount must be positive"
    .loc 0 56 9                         ; examples/token.contract:56:9
   131  REVERT
    .loc 0 57 17                        ; examples/token.contract:57:17
L132:
   132  PUSH_CONST 5                    ; 0x04
    .loc 0 57 26                        ; examples/token.contract:57:26
   135  CALLER
    .loc 0 57 17                        ; examples/token.contract:57:17
   136  KEY
   137  SLOAD 0                         ; int
    .loc 0 57 41                        ; examples/token.contract:57:41
   139  LOAD 0                          ; amount
    .loc 0 57 38                        ; examples/token.contract:57:38
   141  GE
    .loc 0 57 9                         ; examples/token.contract:57:9
   142  JUMP_IF_TRUE L149
    .loc 0 57 49                        ; examples/token.contract:57:49
   145  PUSH_CONST 7                    ; "insufficient balance"
    .loc 0 57 9                         ; examples/token.contract:57:9
   148  REVERT
    .loc 0 58 9                         ; examples/token.contract:58:9
L149:
   149  PUSH_CONST 5                    ; 0x04
    .loc 0 58 18                        ; examples/token.contract:58:18
   152  CALLER
    .loc 0 58 9                         ; examples/token.contract:58:9
   153  KEY
   154  DUP
   155  SLOAD 0                         ; int
    .loc 0 58 33                        ; examples/token.contract:58:33
   157  LOAD 0                          ; amount
    .loc 0 58 9                         ; examples/token.contract:58:9
   159  SUB
   160  SSTORE
    .loc 0 59 9                         ; examples/token.contract:59:9
   161  PUSH_CONST 4                    ; 0x03
   164  DUP
   165  SLOAD 0                         ; int
    .loc 0 59 25                        ; examples/token.contract:59:25
   167  LOAD 0                          ; amount
    .loc 0 59 9                         ; examples/token.contract:59:9
   169  SUB
   170  SSTORE
    .loc 0 60 23                        ; examples/token.contract:60:23
   171  CALLER
    .loc 0 60 35                        ; examples/token.contract:60:35
   172  PUSH_INT 0
   174  TO_ADDR
    .loc 0 60 47                        ; examples/token.contract:60:47
   175  LOAD 0                          ; amount
    .loc 0 60 9                         ; examples/token.contract:60:9
   177  EMIT 0                          ; Transfer
    .loc 0 55 30                        ; examples/token.contract:55:30
   180  RET

.function 3 transfer(to: address, amount: int) -> bool locals 2 pub
    .loc 0 64 21                        ; examples/token.contract:64:21
   181  CALLER
    .loc 0 64 33                        ; examples/token.contract:64:33
   182  LOAD 0                          ; to
    .loc 0 64 37                        ; examples/token.contract:64:37
   184  LOAD 1                          ; amount
    .loc 0 64 9                         ; examples/token.contract:64:9
   186  CALL 14                         ; move_tokens
    .loc 0 65 16                        ; examples/token.contract:65:16
   189  PUSH_TRUE
    .loc 0 65 9                         ; examples/token.contract:65:9
   190  RET

.function 4 approve(spender: address, amount: int) -> bool locals 2 pub
    .loc 0 71 17                        ; examples/token.contract:71:17
   191  LOAD 1                          ; amount
    .loc 0 71 27                        ; examples/token.contract:71:27
   193  PUSH_INT 0
    .loc 0 71 24                        ; examples/token.contract:71:24
   195  GE
    .loc 0 71 9                         ; examples/token.contract:71:9
   196  JUMP_IF_TRUE L203
    .loc 0 71 30                        ; examples/token.contract:71:30
   199  PUSH_CONST 8                    ; "amount must not be negative"
    .loc 0 71 9                         ; examples/token.contract:71:9
   202  REVERT
    .loc 0 72 9                         ; examples/token.contract:72:9
L203:
   203  PUSH_CONST 9                    ; 0x05
    .loc 0 72 20                        ; examples/token.contract:72:20
   206  CALLER
    .loc 0 72 9                         ; examples/token.contract:72:9
   207  KEY
    .loc 0 72 32                        ; examples/token.contract:72:32
   208  LOAD 0                          ; spender
    .loc 0 72 9                         ; examples/token.contract:72:9
   210  KEY
    .loc 0 72 43                        ; examples/token.contract:72:43
   211  LOAD 1                          ; amount
    .loc 0 72 9                         ; examples/token.contract:72:9
   213  SSTORE
    .loc 0 73 23                        ; examples/token.contract:73:23
   214  CALLER
    .loc 0 73 35                        ; examples/token.contract:73:35
   215  LOAD 0                          ; spender
    .loc 0 73 44                        ; examples/token.contract:73:44
   217  LOAD 1                          ; amount
    .loc 0 73 9                         ; examples/token.contract:73:9
   219  EMIT 1                          ; Approval
    .loc 0 74 16                        ; examples/token.contract:74:16
   222  PUSH_TRUE
    .loc 0 74 9                         ; examples/token.contract:74:9
   223  RET

.function 5 transfer_from(src: address, dst: address, amount: int) -> bool locals 3 pub
    .loc 0 80 17                        ; examples/token.contract:80:17
   224  PUSH_CONST 9                    ; 0x05
    .loc 0 80 28                        ; examples/token.contract:80:28
   227  LOAD 0                          ; src
    .loc 0 80 17                        ; examples/token.contract:80:17
   229  KEY
    .loc 0 80 33                        ; examples/token.contract:80:33
   230  CALLER
    .loc 0 80 17                        ; examples/token.contract:80:17
   231  KEY
   232  SLOAD 0                         ; int
    .loc 0 80 48                        ; examples/token.contract:80:48
   234  LOAD 2                          ; amount
    .loc 0 80 45                        ; examples/token.contract:80:45
   236  GE
    .loc 0 80 9                         ; examples/token.contract:80:9
   237  JUMP_IF_TRUE L244
    .loc 0 80 56                        ; examples/token.contract:80:56
   240  PUSH_CONST 10                   ; "allowance exceeded"
    .loc 0 80 9                         ; examples/token.contract:80:9
   243  REVERT
    .loc 0 81 9                         ; examples/token.contract:81:9
L244:
   244  PUSH_CONST 9                    ; 0x05
    .loc 0 81 20                        ; examples/token.contract:81:20
   247  LOAD 0                          ; src
    .loc 0 81 9                         ; examples/token.contract:81:9
   249  KEY
    .loc 0 81 25                        ; examples/token.contract:81:25
   250  CALLER
    .loc 0 81 9                         ; examples/token.contract:81:9
   251  KEY
   252  DUP
   253  SLOAD 0                         ; int
    .loc 0 81 40                        ; examples/token.contract:81:40
   255  LOAD 2                          ; amount
    .loc 0 81 9                         ; examples/token.contract:81:9
   257  SUB
   258  SSTORE
    .loc 0 82 21                        ; examples/token.contract:82:21
   259  LOAD 0                          ; src
    .loc 0 82 26                        ; examples/token.contract:82:26
   261  LOAD 1                          ; dst
    .loc 0 82 31                        ; examples/token.contract:82:31
   263  LOAD 2                          ; amount
    .loc 0 82 9                         ; examples/token.contract:82:9
   265  CALL 14                         ; move_tokens
    .loc 0 83 16                        ; examples/token.contract:83:16
   268  PUSH_TRUE
    .loc 0 83 9                         ; examples/token.contract:83:9
   269  RET

.function 6 transfer_and_call(to: address, amount: int, data: bytes) -> bool locals 4 pub
    .loc 0 89 21                        ; examples/token.contract:89:21
   270  CALLER
    .loc 0 89 33                        ; examples/token.contract:89:33
   271  LOAD 0                          ; to
    .loc 0 89 37                        ; examples/token.contract:89:37
   273  LOAD 1                          ; amount
    .loc 0 89 9                         ; examples/token.contract:89:9
   275  CALL 14                         ; move_tokens
    .loc 0 91 38                        ; examples/token.contract:91:38
   278  LOAD 0                          ; to
    .loc 0 91 24                        ; examples/token.contract:91:24
   280  PUSH_CONST 11                   ; "on_token_received"
    .loc 0 91 60                        ; examples/token.contract:91:60
   283  CALLER
    .loc 0 91 72                        ; examples/token.contract:91:72
   284  LOAD 1                          ; amount
    .loc 0 91 80                        ; examples/token.contract:91:80
   286  LOAD 2                          ; data
    .loc 0 91 24                        ; examples/token.contract:91:24
   288  XCALL 3
    .loc 0 91 9                         ; examples/token.contract:91:9
   290  STORE 3
    .loc 0 92 17                        ; examples/token.contract:92:17
   292  LOAD 3
    .loc 0 92 9                         ; examples/token.contract:92:9
   294  JUMP_IF_TRUE L301
    .loc 0 92 27                        ; examples/token.contract:92:27
   297  PUSH_CONST 12                   ; "receiver refused the tokens"
    .loc 0 92 9                         ; examples/token.contract:92:9
   300  REVERT
    .loc 0 93 16                        ; examples/token.contract:93:16
L301:
   301  PUSH_TRUE
    .loc 0 93 9                         ; examples/token.contract:93:9
   302  RET

.function 7 transfer_ownership(new_owner: address) locals 1 pub
    .loc 0 98 31                        ; examples/token.contract:98:31
   303  PUSH_CONST 1                    ; 0x00
   306  SLOAD 2                         ; address
    .loc 0 98 38                        ; examples/token.contract:98:38
   308  CALLER
    .loc 0 98 9                         ; examples/token.contract:98:9
   309  CALL 15                         ; ownable.require_owner
    .loc 0 99 33                        ; examples/token.contract:99:33
   312  LOAD 0                          ; new_owner
    .loc 0 99 9                         ; examples/token.contract:99:9
   314  CALL 16                         ; ownable.require_nonzero
    .loc 0 100 35                       ; examples/token.contract:100:35
   317  PUSH_CONST 1                    ; 0x00
   320  SLOAD 2                         ; address
    .loc 0 100 42                       ; examples/token.contract:100:42
   322  LOAD 0                          ; new_owner
    .loc 0 100 9                        ; examples/token.contract:100:9
   324  EMIT 2                          ; OwnershipTransferred
    .loc 0 101 9                        ; examples/token.contract:101:9
   327  PUSH_CONST 1                    ; 0x00
    .loc 0 101 17                       ; examples/token.contract:101:17
   330  LOAD 0                          ; new_owner
    .loc 0 101 9                        ; examples/token.contract:101:9
   332  SSTORE
    .loc 0 97 51                        ; examples/token.contract:97:51
   333  RET

.function 8 balance_of(who: address) -> int locals 1 pub view
    .loc 0 105 16                       ; examples/token.contract:105:16
   334  PUSH_CONST 5                    ; 0x04
    .loc 0 105 25                       ; examples/token.contract:105:25
   337  LOAD 0                          ; who
    .loc 0 105 16                       ; examples/token.contract:105:16
   339  KEY
   340  SLOAD 0                         ; int
    .loc 0 105 9                        ; examples/token.contract:105:9
   342  RET

.function 9 allowance(holder: address, spender: address) -> int locals 2 pub view
    .loc 0 109 16                       ; examples/token.contract:109:16
   343  PUSH_CONST 9                    ; 0x05
    .loc 0 109 27                       ; examples/token.contract:109:27
   346  LOAD 0                          ; holder
    .loc 0 109 16                       ; examples/token.contract:109:16
   348  KEY
    .loc 0 109 35                       ; examples/token.contract:109:35
   349  LOAD 1                          ; spender
    .loc 0 109 16                       ; examples/token.contract:109:16
   351  KEY
   352  SLOAD 0                         ; int
    .loc 0 109 9                        ; examples/token.contract:109:9
   354  RET

.function 10 supply() -> int locals 0 pub view
    .loc 0 113 16                       ; examples/token.contract:113:16
   355  PUSH_CONST 4                    ; 0x03
   358  SLOAD 0                         ; int
    .loc 0 113 9                        ; examples/token.contract:113:9
   360  RET

.function 11 get_owner() -> address locals 0 pub view
    .loc 0 117 16                       ; examples/token.contract:117:16
   361  PUSH_CONST 1                    ; 0x00
   364  SLOAD 2                         ; address
    .loc 0 117 9                        ; examples/token.contract:117:9
   366  RET

.function 12 name() -> string locals 0 pub view
    .loc 0 121 16                       ; examples/token.contract:121:16
   367  PUSH_CONST 2                    ; 0x01
   370  SLOAD 4                         ; string
    .loc 0 121 9                        ; examples/token.contract:121:9
   372  RET

.function 13 symbol() -> string locals 0 pub view
    .loc 0 125 16                       ; examples/token.contract:125:16
   373  PUSH_CONST 3                    ; 0x02
   376  SLOAD 4                         ; string
    .loc 0 125 9                        ; examples/token.contract:125:9
   378  RET

.function 14 move_tokens(src: address, dst: address, amount: int) locals 3
    .loc 0 130 17                       ; examples/token.contract:130:17
   379  LOAD 2                          ; amount
    .loc 0 130 26                       ; examples/token.contract:130:26
   381  PUSH_INT 0
    .loc 0 130 24                       ; examples/token.contract:130:24
   383  GT
    .loc 0 130 9                        ; examples/token.contract:130:9
   384  JUMP_IF_TRUE L391
    .loc 0 130 29                       ; examples/token.contract:130:29
   387  PUSH_CONST 6                    ; "amount must be positive"
    .loc 0 130 9                        ; examples/token.contract:130:9
   390  REVERT
    .loc 0 131 33                       ; examples/token.contract:131:33
L391:
   391  LOAD 1                          ; dst
    .loc 0 131 9                        ; examples/token.contract:131:9
   393  CALL 16                         ; ownable.require_nonzero
    .loc 0 132 17                       ; examples/token.contract:132:17
   396  PUSH_CONST 5                    ; 0x04
    .loc 0 132 26                       ; examples/token.contract:132:26
   399  LOAD 0                          ; src
    .loc 0 132 17                       ; examples/token.contract:132:17
   401  KEY
   402  SLOAD 0                         ; int
    .loc 0 132 34                       ; examples/token.contract:132:34
   404  LOAD 2                          ; amount
    .loc 0 132 31                       ; examples/token.contract:132:31
   406  GE
    .loc 0 132 9                        ; examples/token.contract:132:9
   407  JUMP_IF_TRUE L414
    .loc 0 132 42                       ; examples/token.contract:132:42
   410  PUSH_CONST 7                    ; "insufficient balance"
    .loc 0 132 9                        ; examples/token.contract:132:9
   413  REVERT
    .loc 0 133 9                        ; examples/token.contract:133:9
L414:
   414  PUSH_CONST 5                    ; 0x04
    .loc 0 133 18                       ; examples/token.contract:133:18
   417  LOAD 0                          ; src
    .loc 0 133 9                        ; examples/token.contract:133:9
   419  KEY
   420  DUP
   421  SLOAD 0                         ; int
    .loc 0 133 26                       ; examples/token.contract:133:26
   423  LOAD 2                          ; amount
    .loc 0 133 9                        ; examples/token.contract:133:9
   425  SUB
   426  SSTORE
    .loc 0 134 9                        ; examples/token.contract:134:9
   427  PUSH_CONST 5                    ; 0x04
    .loc 0 134 18                       ; examples/token.contract:134:18
   430  LOAD 1                          ; dst
    .loc 0 134 9                        ; examples/token.contract:134:9
   432  KEY
   433  DUP
   434  SLOAD 0                         ; int
    .loc 0 134 26                       ; examples/token.contract:134:26
   436  LOAD 2                          ; amount
    .loc 0 134 9                        ; examples/token.contract:134:9
   438  ADD
   439  SSTORE
    .loc 0 135 23                       ; examples/token.contract:135:23
   440  LOAD 0                          ; src
    .loc 0 135 28                       ; examples/token.contract:135:28
   442  LOAD 1                          ; dst
    .loc 0 135 33                       ; examples/token.contract:135:33
   444  LOAD 2                          ; amount
    .loc 0 135 9                        ; examples/token.contract:135:9
   446  EMIT 0                          ; Transfer
    .loc 0 129 61                       ; examples/token.contract:129:61
   449  RET

.function 15 ownable.require_owner(owner: address, caller: address) locals 2
    .loc 1 15 13                        ; stdlib/ownable.contract:15:13
   450  LOAD 1                          ; caller
    .loc 1 15 23                        ; stdlib/ownable.contract:15:23
   452  LOAD 0                          ; owner
    .loc 1 15 20                        ; stdlib/ownable.contract:15:20
   454  EQ
    .loc 1 15 5                         ; stdlib/ownable.contract:15:5
   455  JUMP_IF_TRUE L462
    .loc 1 15 30                        ; stdlib/ownable.contract:15:30
   458  PUSH_CONST 13                   ; "caller is not the owner"
    .loc 1 15 5                         ; stdlib/ownable.contract:15:5
   461  REVERT
    .loc 1 14 51                        ; stdlib/ownable.contract:14:51
L462:
   462  RET

.function 16 ownable.require_nonzero(who: address) locals 1
    .loc 1 20 13                        ; stdlib/ownable.contract:20:13
   463  LOAD 0                          ; who
    .loc 1 20 20                        ; stdlib/ownable.contract:20:20
   465  PUSH_INT 0
   467  TO_ADDR
    .loc 1 20 17                        ; stdlib/ownable.contract:20:17
   468  NE
    .loc 1 20 5                         ; stdlib/ownable.contract:20:5
   469  JUMP_IF_TRUE L476
    .loc 1 20 32                        ; stdlib/ownable.contract:20:32
   472  PUSH_CONST 14                   ; "zero address"
    .loc 1 20 5                         ; stdlib/ownable.contract:20:5
   475  REVERT
    .loc 1 19 34                        ; stdlib/ownable.contract:19:34
L476:
   476  RET
