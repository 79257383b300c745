; Obelisk code object, format version 1
.contract MultiSig
.file 0 "examples/multisig.contract"
.file 1 "stdlib/bytesutil.contract"
.event 0 Deposited(sender: address, amount: int)
.event 1 Submitted(id: int, proposer: address, to: address, amount: int)
.event 2 Confirmed(id: int, owner: address, confirmations: int)
.event 3 Revoked(id: int, owner: address, confirmations: int)
.event 4 Executed(id: int, to: address, amount: int)
.const 0 string "no owners"
.const 1 string "too many owners"
.const 2 string "threshold out of range"
.const 3 string "zero address"
.const 4 bytes 0x01
.const 5 string "duplicate owner"
.const 6 bytes 0x00
.const 7 bytes 0x02
.const 8 string "nothing deposited"
.const 9 string "not an owner"
.const 10 string "amount must be positive"
.const 11 bytes 0x03
.const 12 string "no such proposal"
.const 13 string "already executed"
.const 14 bytes 0x04
.const 15 string "already confirmed"
.const 16 string "not confirmed"
.const 17 string "not enough confirmations"
.const 18 string "not a list of addresses"
.const 19 string "index out of range"
.const 20 int 256

.function 0 init(owner_list: bytes, required: int) locals 8 payable init
    .loc 0 35 41                        ; examples/multisig.contract:35:41
     0  LOAD 0                          ; owner_list
    .loc 0 35 17                        ; examples/multisig.contract:35:17
     2  CALL 13                         ; bytesutil.address_count
    .loc 0 35 9                         ; examples/multisig.contract:35:9
     5  STORE 2
    .loc 0 36 17                        ; examples/multisig.contract:36:17
     7  LOAD 2
    .loc 0 36 21                        ; examples/multisig.contract:36:21
     9  PUSH_INT 0
    .loc 0 36 19                        ; examples/multisig.contract:36:19
    11  GT
    .loc 0 36 9                         ; examples/multisig.contract:36:9
    12  JUMP_IF_TRUE L19
    .loc 0 36 24                        ; examples/multisig.contract:36:24
    15  PUSH_CONST 0                    ; "no owners"
    .loc 0 36 9                         ; examples/multisig.contract:36:9
    18  REVERT
    .loc 0 37 17                        ; examples/multisig.contract:37:17
L19:
    19  LOAD 2
    .loc 0 37 22                        ; examples/multisig.contract:37:22
    21  PUSH_INT 16
    .loc 0 37 19                        ; examples/multisig.contract:37:19
    23  LE
    .loc 0 37 9                         ; examples/multisig.contract:37:9
    24  JUMP_IF_TRUE L31
    .loc 0 37 34                        ; examples/multisig.contract:37:34
    27  PUSH_CONST 1                    ; "too many owners"
    .loc 0 37 9                         ; examples/multisig.contract:37:9
    30  REVERT
    .loc 0 38 17                        ; examples/multisig.contract:38:17
L31:
    31  LOAD 1                          ; required
    .loc 0 38 28                        ; examples/multisig.contract:38:28
    33  PUSH_INT 0
    .loc 0 38 26                        ; examples/multisig.contract:38:26
    35  GT
    .loc 0 38 30                        ; examples/multisig.contract:38:30
    36  DUP
    37  JUMP_IF_FALSE L46
    40  POP
    .loc 0 38 33                        ; examples/multisig.contract:38:33
    41  LOAD 1                          ; required
    .loc 0 38 45                        ; examples/multisig.contract:38:45
    43  LOAD 2
    .loc 0 38 42                        ; examples/multisig.contract:38:42
    45  LE
    .loc 0 38 9                         ; examples/multisig.contract:38:9
L46:
    46  JUMP_IF_TRUE L53
    .loc 0 38 48                        ; examples/multisig.contract:38:48
    49  PUSH_CONST 2                    ; "threshold out of range"
    .loc 0 38 9                         ; examples/multisig.contract:38:9
    52  REVERT
    .loc 0 39 9                         ; examples/multisig.contract:39:9
L53:
    53  PUSH_INT 0
    55  STORE 3
    .loc 0 39 24                        ; examples/multisig.contract:39:24
    57  LOAD 2
    .loc 0 39 9                         ; examples/multisig.contract:39:9
    59  STORE 4
L61:
    61  LOAD 3
    63  LOAD 4
    65  LT
    66  JUMP_IF_FALSE L152
    .loc 0 40 46                        ; examples/multisig.contract:40:46
    69  LOAD 0                          ; owner_list
    .loc 0 40 58                        ; examples/multisig.contract:40:58
    71  LOAD 3
    .loc 0 40 25                        ; examples/multisig.contract:40:25
    73  CALL 14                         ; bytesutil.address_at
    .loc 0 40 13                        ; examples/multisig.contract:40:13
    76  STORE 5
    .loc 0 41 21                        ; examples/multisig.contract:41:21
    78  LOAD 5
    .loc 0 41 30                        ; examples/multisig.contract:41:30
    80  PUSH_INT 0
    82  TO_ADDR
    .loc 0 41 27                        ; examples/multisig.contract:41:27
    83  NE
    .loc 0 41 13                        ; examples/multisig.contract:41:13
    84  JUMP_IF_TRUE L91
    .loc 0 41 42                        ; examples/multisig.contract:41:42
    87  PUSH_CONST 3                    ; "zero address"
    .loc 0 41 13                        ; examples/multisig.contract:41:13
    90  REVERT
    .loc 0 42 22                        ; examples/multisig.contract:42:22
L91:
    91  PUSH_CONST 4                    ; 0x01
    .loc 0 42 31                        ; examples/multisig.contract:42:31
    94  LOAD 5
    .loc 0 42 22                        ; examples/multisig.contract:42:22
    96  KEY
    97  SLOAD 1                         ; bool
    .loc 0 42 21                        ; examples/multisig.contract:42:21
    99  NOT
    .loc 0 42 13                        ; examples/multisig.contract:42:13
   100  JUMP_IF_TRUE L107
    .loc 0 42 39                        ; examples/multisig.contract:42:39
   103  PUSH_CONST 5                    ; "duplicate owner"
    .loc 0 42 13                        ; examples/multisig.contract:42:13
   106  REVERT
    .loc 0 43 13                        ; examples/multisig.contract:43:13
L107:
   107  PUSH_CONST 4                    ; 0x01
    .loc 0 43 22                        ; examples/multisig.contract:43:22
   110  LOAD 5
    .loc 0 43 13                        ; examples/multisig.contract:43:13
   112  KEY
    .loc 0 43 31                        ; examples/multisig.contract:43:31
   113  PUSH_TRUE
    .loc 0 43 13                        ; examples/multisig.contract:43:13
   114  SSTORE
    .loc 0 44 13                        ; examples/multisig.contract:44:13
   115  PUSH_CONST 6                    ; 0x00
   118  STORE 6
   120  LOAD 6
   122  SLOAD 0                         ; int
   124  STORE 7
   126  LOAD 6
   128  LOAD 7
   130  KEY
    .loc 0 44 25                        ; examples/multisig.contract:44:25
   131  LOAD 5
    .loc 0 44 13                        ; examples/multisig.contract:44:13
   133  SSTORE
   134  LOAD 6
   136  LOAD 7
   138  PUSH_INT 1
   140  ADD
   141  SSTORE
    .loc 0 39 9                         ; examples/multisig.contract:39:9
   142  LOAD 3
   144  PUSH_INT 1
   146  ADD
   147  STORE 3
   149  JUMP L61
    .loc 0 46 9                         ; examples/multisig.contract:46:9
L152:
   152  PUSH_CONST 7                    ; 0x02
    .loc 0 46 21                        ; examples/multisig.contract:46:21
   155  LOAD 1                          ; required
    .loc 0 46 9                         ; examples/multisig.contract:46:9
   157  SSTORE
    .loc 0 47 12                        ; examples/multisig.contract:47:12
   158  CALLVALUE
    .loc 0 47 24                        ; examples/multisig.contract:47:24
   159  PUSH_INT 0
    .loc 0 47 22                        ; examples/multisig.contract:47:22
   161  GT
    .loc 0 47 9                         ; examples/multisig.contract:47:9
   162  JUMP_IF_FALSE L170
    .loc 0 48 28                        ; examples/multisig.contract:48:28
   165  CALLER
    .loc 0 48 40                        ; examples/multisig.contract:48:40
   166  CALLVALUE
    .loc 0 48 13                        ; examples/multisig.contract:48:13
   167  EMIT 0                          ; Deposited
    .loc 0 34 52                        ; examples/multisig.contract:34:52
L170:
   170  RET

.function 1 deposit() locals 0 pub payable
    .loc 0 53 17                        ; examples/multisig.contract:53:17
   171  CALLVALUE
    .loc 0 53 29                        ; examples/multisig.contract:53:29
   172  PUSH_INT 0
    .loc 0 53 27                        ; examples/multisig.contract:53:27
   174  GT
    .loc 0 53 9                         ; examples/multisig.contract:53:9
   175  JUMP_IF_TRUE L182
    .loc 0 53 32                        ; examples/multisig.contract:53:32
   178  PUSH_CONST 8                    ; "nothing deposited"
    .loc 0 53 9                         ; examples/multisig.contract:53:9
   181  REVERT
    .loc 0 54 24                        ; examples/multisig.contract:54:24
L182:
   182  CALLER
    .loc 0 54 36                        ; examples/multisig.contract:54:36
   183  CALLVALUE
    .loc 0 54 9                         ; examples/multisig.contract:54:9
   184  EMIT 0                          ; Deposited
    .loc 0 52 30                        ; examples/multisig.contract:52:30
   187  RET

.function 2 submit(to: address, amount: int) -> int locals 7 pub
    .loc 0 59 17                        ; examples/multisig.contract:59:17
   188  PUSH_CONST 4                    ; 0x01
    .loc 0 59 26                        ; examples/multisig.contract:59:26
   191  CALLER
    .loc 0 59 17                        ; examples/multisig.contract:59:17
   192  KEY
   193  SLOAD 1                         ; bool
    .loc 0 59 9                         ; examples/multisig.contract:59:9
   195  JUMP_IF_TRUE L202
    .loc 0 59 39                        ; examples/multisig.contract:59:39
   198  PUSH_CONST 9                    ; "not an owner"
    .loc 0 59 9                         ; examples/multisig.contract:59:9
   201  REVERT
    .loc 0 60 17                        ; examples/multisig.contract:60:17
L202:
   202  LOAD 0                          ; to
    .loc 0 60 23                        ; examples/multisig.contract:60:23
   204  PUSH_INT 0
   206  TO_ADDR
    .loc 0 60 20                        ; examples/multisig.contract:60:20
   207  NE
    .loc 0 60 9                         ; examples/multisig.contract:60:9
   208  JUMP_IF_TRUE L215
    .loc 0 60 35                        ; examples/multisig.contract:60:35
   211  PUSH_CONST 3                    ; "zero address"
    .loc 0 60 9                         ; examples/multisig.contract:60:9
   214  REVERT
    .loc 0 61 17                        ; examples/multisig.contract:61:17
L215:
   215  LOAD 1                          ; amount
    .loc 0 61 26                        ; examples/multisig.contract:61:26
   217  PUSH_INT 0
    .loc 0 61 24                        ; examples/multisig.contract:61:24
   219  GT
    .loc 0 61 9                         ; examples/multisig.contract:61:9
   220  JUMP_IF_TRUE L227
    .loc 0 61 29                        ; examples/multisig.contract:61:29
   223  PUSH_CONST 10                   ; "amount must be positive"
    .loc 0 61 9                         ; examples/multisig.contract:61:9
   226  REVERT
    .loc 0 62 9                         ; examples/multisig.contract:62:9
L227:
   227  PUSH_CONST 11                   ; 0x03
   230  STORE 3
   232  LOAD 3
   234  SLOAD 0                         ; int
   236  STORE 4
   238  LOAD 3
   240  LOAD 4
   242  KEY
    .loc 0 62 37                        ; examples/multisig.contract:62:37
   243  LOAD 0                          ; to
    .loc 0 62 49                        ; examples/multisig.contract:62:49
   245  LOAD 1                          ; amount
    .loc 0 62 67                        ; examples/multisig.contract:62:67
   247  CALLER
    .loc 0 62 94                        ; examples/multisig.contract:62:94
   248  PUSH_INT 0
    .loc 0 62 107                       ; examples/multisig.contract:62:107
   250  PUSH_FALSE
    .loc 0 62 24                        ; examples/multisig.contract:62:24
   251  MAKE_STRUCT 5
    .loc 0 62 9                         ; examples/multisig.contract:62:9
   253  STORE 5
   255  STORE 6
   257  LOAD 6
   259  PUSH_INT 0
   261  KEY
   262  LOAD 5
   264  GET_FIELD 0
   266  SSTORE
   267  LOAD 6
   269  PUSH_INT 1
   271  KEY
   272  LOAD 5
   274  GET_FIELD 1
   276  SSTORE
   277  LOAD 6
   279  PUSH_INT 2
   281  KEY
   282  LOAD 5
   284  GET_FIELD 2
   286  SSTORE
   287  LOAD 6
   289  PUSH_INT 3
   291  KEY
   292  LOAD 5
   294  GET_FIELD 3
   296  SSTORE
   297  LOAD 6
   299  PUSH_INT 4
   301  KEY
   302  LOAD 5
   304  GET_FIELD 4
   306  SSTORE
   307  LOAD 3
   309  LOAD 4
   311  PUSH_INT 1
   313  ADD
   314  SSTORE
    .loc 0 63 22                        ; examples/multisig.contract:63:22
   315  PUSH_CONST 11                   ; 0x03
    .loc 0 63 18                        ; examples/multisig.contract:63:18
   318  SLOAD 0                         ; int
    .loc 0 63 35                        ; examples/multisig.contract:63:35
   320  PUSH_INT 1
    .loc 0 63 33                        ; examples/multisig.contract:63:33
   322  SUB
    .loc 0 63 9                         ; examples/multisig.contract:63:9
   323  STORE 2
    .loc 0 64 24                        ; examples/multisig.contract:64:24
   325  LOAD 2
    .loc 0 64 28                        ; examples/multisig.contract:64:28
   327  CALLER
    .loc 0 64 40                        ; examples/multisig.contract:64:40
   328  LOAD 0                          ; to
    .loc 0 64 44                        ; examples/multisig.contract:64:44
   330  LOAD 1                          ; amount
    .loc 0 64 9                         ; examples/multisig.contract:64:9
   332  EMIT 1                          ; Submitted
    .loc 0 65 17                        ; examples/multisig.contract:65:17
   335  LOAD 2
    .loc 0 65 9                         ; examples/multisig.contract:65:9
   337  CALL 3                          ; confirm
    .loc 0 66 16                        ; examples/multisig.contract:66:16
   340  LOAD 2
    .loc 0 66 9                         ; examples/multisig.contract:66:9
   342  RET

.function 3 confirm(id: int) locals 1 pub
    .loc 0 70 17                        ; examples/multisig.contract:70:17
   343  PUSH_CONST 4                    ; 0x01
    .loc 0 70 26                        ; examples/multisig.contract:70:26
   346  CALLER
    .loc 0 70 17                        ; examples/multisig.contract:70:17
   347  KEY
   348  SLOAD 1                         ; bool
    .loc 0 70 9                         ; examples/multisig.contract:70:9
   350  JUMP_IF_TRUE L357
    .loc 0 70 39                        ; examples/multisig.contract:70:39
   353  PUSH_CONST 9                    ; "not an owner"
    .loc 0 70 9                         ; examples/multisig.contract:70:9
   356  REVERT
    .loc 0 71 17                        ; examples/multisig.contract:71:17
L357:
   357  LOAD 0                          ; id
    .loc 0 71 23                        ; examples/multisig.contract:71:23
   359  PUSH_INT 0
    .loc 0 71 20                        ; examples/multisig.contract:71:20
   361  GE
    .loc 0 71 25                        ; examples/multisig.contract:71:25
   362  DUP
   363  JUMP_IF_FALSE L375
   366  POP
    .loc 0 71 28                        ; examples/multisig.contract:71:28
   367  LOAD 0                          ; id
    .loc 0 71 37                        ; examples/multisig.contract:71:37
   369  PUSH_CONST 11                   ; 0x03
    .loc 0 71 33                        ; examples/multisig.contract:71:33
   372  SLOAD 0                         ; int
    .loc 0 71 31                        ; examples/multisig.contract:71:31
   374  LT
    .loc 0 71 9                         ; examples/multisig.contract:71:9
L375:
   375  JUMP_IF_TRUE L382
    .loc 0 71 49                        ; examples/multisig.contract:71:49
   378  PUSH_CONST 12                   ; "no such proposal"
    .loc 0 71 9                         ; examples/multisig.contract:71:9
   381  REVERT
    .loc 0 72 18                        ; examples/multisig.contract:72:18
L382:
   382  PUSH_CONST 11                   ; 0x03
    .loc 0 72 28                        ; examples/multisig.contract:72:28
   385  LOAD 0                          ; id
    .loc 0 72 18                        ; examples/multisig.contract:72:18
   387  OVER
   388  SLOAD 0                         ; int
   390  CHECK_INDEX
   391  KEY
   392  PUSH_INT 4
   394  KEY
   395  SLOAD 1                         ; bool
    .loc 0 72 17                        ; examples/multisig.contract:72:17
   397  NOT
    .loc 0 72 9                         ; examples/multisig.contract:72:9
   398  JUMP_IF_TRUE L405
    .loc 0 72 42                        ; examples/multisig.contract:72:42
   401  PUSH_CONST 13                   ; "already executed"
    .loc 0 72 9                         ; examples/multisig.contract:72:9
   404  REVERT
    .loc 0 73 18                        ; examples/multisig.contract:73:18
L405:
   405  PUSH_CONST 14                   ; 0x04
    .loc 0 73 28                        ; examples/multisig.contract:73:28
   408  LOAD 0                          ; id
    .loc 0 73 18                        ; examples/multisig.contract:73:18
   410  KEY
    .loc 0 73 32                        ; examples/multisig.contract:73:32
   411  CALLER
    .loc 0 73 18                        ; examples/multisig.contract:73:18
   412  KEY
   413  SLOAD 1                         ; bool
    .loc 0 73 17                        ; examples/multisig.contract:73:17
   415  NOT
    .loc 0 73 9                         ; examples/multisig.contract:73:9
   416  JUMP_IF_TRUE L423
    .loc 0 73 45                        ; examples/multisig.contract:73:45
   419  PUSH_CONST 15                   ; "already confirmed"
    .loc 0 73 9                         ; examples/multisig.contract:73:9
   422  REVERT
    .loc 0 74 9                         ; examples/multisig.contract:74:9
L423:
   423  PUSH_CONST 14                   ; 0x04
    .loc 0 74 19                        ; examples/multisig.contract:74:19
   426  LOAD 0                          ; id
    .loc 0 74 9                         ; examples/multisig.contract:74:9
   428  KEY
    .loc 0 74 23                        ; examples/multisig.contract:74:23
   429  CALLER
    .loc 0 74 9                         ; examples/multisig.contract:74:9
   430  KEY
    .loc 0 74 37                        ; examples/multisig.contract:74:37
   431  PUSH_TRUE
    .loc 0 74 9                         ; examples/multisig.contract:74:9
   432  SSTORE
    .loc 0 75 9                         ; examples/multisig.contract:75:9
   433  PUSH_CONST 11                   ; 0x03
    .loc 0 75 19                        ; examples/multisig.contract:75:19
   436  LOAD 0                          ; id
    .loc 0 75 9                         ; examples/multisig.contract:75:9
   438  OVER
   439  SLOAD 0                         ; int
   441  CHECK_INDEX
   442  KEY
   443  PUSH_INT 3
   445  KEY
   446  DUP
   447  SLOAD 0                         ; int
    .loc 0 75 40                        ; examples/multisig.contract:75:40
   449  PUSH_INT 1
    .loc 0 75 9                         ; examples/multisig.contract:75:9
   451  ADD
   452  SSTORE
    .loc 0 76 24                        ; examples/multisig.contract:76:24
   453  LOAD 0                          ; id
    .loc 0 76 28                        ; examples/multisig.contract:76:28
   455  CALLER
    .loc 0 76 40                        ; examples/multisig.contract:76:40
   456  PUSH_CONST 11                   ; 0x03
    .loc 0 76 50                        ; examples/multisig.contract:76:50
   459  LOAD 0                          ; id
    .loc 0 76 40                        ; examples/multisig.contract:76:40
   461  OVER
   462  SLOAD 0                         ; int
   464  CHECK_INDEX
   465  KEY
   466  PUSH_INT 3
   468  KEY
   469  SLOAD 0                         ; int
    .loc 0 76 9                         ; examples/multisig.contract:76:9
   471  EMIT 2                          ; Confirmed
    .loc 0 69 29                        ; examples/multisig.contract:69:29
   474  RET

.function 4 revoke(id: int) locals 1 pub
    .loc 0 80 17                        ; examples/multisig.contract:80:17
   475  PUSH_CONST 4                    ; 0x01
    .loc 0 80 26                        ; examples/multisig.contract:80:26
   478  CALLER
    .loc 0 80 17                        ; examples/multisig.contract:80:17
   479  KEY
   480  SLOAD 1                         ; bool
    .loc 0 80 9                         ; examples/multisig.contract:80:9
   482  JUMP_IF_TRUE L489
    .loc 0 80 39                        ; examples/multisig.contract:80:39
   485  PUSH_CONST 9                    ; "not an owner"
    .loc 0 80 9                         ; examples/multisig.contract:80:9
   488  REVERT
    .loc 0 81 17                        ; examples/multisig.contract:81:17
L489:
   489  LOAD 0                          ; id
    .loc 0 81 23                        ; examples/multisig.contract:81:23
   491  PUSH_INT 0
    .loc 0 81 20                        ; examples/multisig.contract:81:20
   493  GE
    .loc 0 81 25                        ; examples/multisig.contract:81:25
   494  DUP
   495  JUMP_IF_FALSE L507
   498  POP
    .loc 0 81 28                        ; examples/multisig.contract:81:28
   499  LOAD 0                          ; id
    .loc 0 81 37                        ; examples/multisig.contract:81:37
   501  PUSH_CONST 11                   ; 0x03
    .loc 0 81 33                        ; examples/multisig.contract:81:33
   504  SLOAD 0                         ; int
    .loc 0 81 31                        ; examples/multisig.contract:81:31
   506  LT
    .loc 0 81 9                         ; examples/multisig.contract:81:9
L507:
   507  JUMP_IF_TRUE L514
    .loc 0 81 49                        ; examples/multisig.contract:81:49
   510  PUSH_CONST 12                   ; "no such proposal"
    .loc 0 81 9                         ; examples/multisig.contract:81:9
   513  REVERT
    .loc 0 82 18                        ; examples/multisig.contract:82:18
L514:
   514  PUSH_CONST 11                   ; 0x03
    .loc 0 82 28                        ; examples/multisig.contract:82:28
   517  LOAD 0                          ; id
    .loc 0 82 18                        ; examples/multisig.contract:82:18
   519  OVER
   520  SLOAD 0                         ; int
   522  CHECK_INDEX
   523  KEY
   524  PUSH_INT 4
   526  KEY
   527  SLOAD 1                         ; bool
    .loc 0 82 17                        ; examples/multisig.contract:82:17
   529  NOT
    .loc 0 82 9                         ; examples/multisig.contract:82:9
   530  JUMP_IF_TRUE L537
    .loc 0 82 42                        ; examples/multisig.contract:82:42
   533  PUSH_CONST 13                   ; "already executed"
    .loc 0 82 9                         ; examples/multisig.contract:82:9
   536  REVERT
    .loc 0 83 17                        ; examples/multisig.contract:83:17
L537:
   537  PUSH_CONST 14                   ; 0x04
    .loc 0 83 27                        ; examples/multisig.contract:83:27
   540  LOAD 0                          ; id
    .loc 0 83 17                        ; examples/multisig.contract:83:17
   542  KEY
    .loc 0 83 31                        ; examples/multisig.contract:83:31
   543  CALLER
    .loc 0 83 17                        ; examples/multisig.contract:83:17
   544  KEY
   545  SLOAD 1                         ; bool
    .loc 0 83 9                         ; examples/multisig.contract:83:9
   547  JUMP_IF_TRUE L554
    .loc 0 83 44                        ; examples/multisig.contract:83:44
   550  PUSH_CONST 16                   ; "not confirmed"
    .loc 0 83 9                         ; examples/multisig.contract:83:9
   553  REVERT
    .loc 0 84 9                         ; examples/multisig.contract:84:9
L554:
   554  PUSH_CONST 14                   ; 0x04
    .loc 0 84 19                        ; examples/multisig.contract:84:19
   557  LOAD 0                          ; id
    .loc 0 84 9                         ; examples/multisig.contract:84:9
   559  KEY
    .loc 0 84 23                        ; examples/multisig.contract:84:23
   560  CALLER
    .loc 0 84 9                         ; examples/multisig.contract:84:9
   561  KEY
    .loc 0 84 37                        ; examples/multisig.contract:84:37
   562  PUSH_FALSE
    .loc 0 84 9                         ; examples/multisig.contract:84:9
   563  SSTORE
    .loc 0 85 9                         ; examples/multisig.contract:85:9
   564  PUSH_CONST 11                   ; 0x03
    .loc 0 85 19                        ; examples/multisig.contract:85:19
   567  LOAD 0                          ; id
    .loc 0 85 9                         ; examples/multisig.contract:85:9
   569  OVER
   570  SLOAD 0                         ; int
   572  CHECK_INDEX
   573  KEY
   574  PUSH_INT 3
   576  KEY
   577  DUP
   578  SLOAD 0                         ; int
    .loc 0 85 40                        ; examples/multisig.contract:85:40
   580  PUSH_INT 1
    .loc 0 85 9                         ; examples/multisig.contract:85:9
   582  SUB
   583  SSTORE
    .loc 0 86 22                        ; examples/multisig.contract:86:22
   584  LOAD 0                          ; id
    .loc 0 86 26                        ; examples/multisig.contract:86:26
   586  CALLER
    .loc 0 86 38                        ; examples/multisig.contract:86:38
   587  PUSH_CONST 11                   ; 0x03
    .loc 0 86 48                        ; examples/multisig.contract:86:48
   590  LOAD 0                          ; id
    .loc 0 86 38                        ; examples/multisig.contract:86:38
   592  OVER
   593  SLOAD 0                         ; int
   595  CHECK_INDEX
   596  KEY
   597  PUSH_INT 3
   599  KEY
   600  SLOAD 0                         ; int
    .loc 0 86 9                         ; examples/multisig.contract:86:9
   602  EMIT 3                          ; Revoked
    .loc 0 79 28                        ; examples/multisig.contract:79:28
   605  RET

.function 5 execute(id: int) locals 1 pub
    .loc 0 93 17                        ; examples/multisig.contract:93:17
   606  PUSH_CONST 4                    ; 0x01
    .loc 0 93 26                        ; examples/multisig.contract:93:26
   609  CALLER
    .loc 0 93 17                        ; examples/multisig.contract:93:17
   610  KEY
   611  SLOAD 1                         ; bool
    .loc 0 93 9                         ; examples/multisig.contract:93:9
   613  JUMP_IF_TRUE L620
    .loc 0 93 39                        ; examples/multisig.contract:93:39
   616  PUSH_CONST 9                    ; "not an owner"
    .loc 0 93 9                         ; examples/multisig.contract:93:9
   619  REVERT
    .loc 0 94 17                        ; examples/multisig.contract:94:17
L620:
   620  LOAD 0                          ; id
    .loc 0 94 23                        ; examples/multisig.contract:94:23
   622  PUSH_INT 0
    .loc 0 94 20                        ; examples/multisig.contract:94:20
   624  GE
    .loc 0 94 25                        ; examples/multisig.contract:94:25
   625  DUP
   626  JUMP_IF_FALSE L638
   629  POP
    .loc 0 94 28                        ; examples/multisig.contract:94:28
   630  LOAD 0                          ; id
    .loc 0 94 37                        ; examples/multisig.contract:94:37
   632  PUSH_CONST 11                   ; 0x03
    .loc 0 94 33                        ; examples/multisig.contract:94:33
   635  SLOAD 0                         ; int
    .loc 0 94 31                        ; examples/multisig.contract:94:31
   637  LT
    .loc 0 94 9                         ; examples/multisig.contract:94:9
L638:
   638  JUMP_IF_TRUE L645
    .loc 0 94 49                        ; examples/multisig.contract:94:49
   641  PUSH_CONST 12                   ; "no such proposal"
    .loc 0 94 9                         ; examples/multisig.contract:94:9
   644  REVERT
    .loc 0 95 18                        ; examples/multisig.contract:95:18
L645:
   645  PUSH_CONST 11                   ; 0x03
    .loc 0 95 28                        ; examples/multisig.contract:95:28
   648  LOAD 0                          ; id
    .loc 0 95 18                        ; examples/multisig.contract:95:18
   650  OVER
   651  SLOAD 0                         ; int
   653  CHECK_INDEX
   654  KEY
   655  PUSH_INT 4
   657  KEY
   658  SLOAD 1                         ; bool
    .loc 0 95 17                        ; examples/multisig.contract:95:17
   660  NOT
    .loc 0 95 9                         ; examples/multisig.contract:95:9
   661  JUMP_IF_TRUE L668
    .loc 0 95 42                        ; examples/multisig.contract:95:42
   664  PUSH_CONST 13                   ; "already executed"
    .loc 0 95 9                         ; examples/multisig.contract:95:9
   667  REVERT
    .loc 0 96 17                        ; examples/multisig.contract:96:17
L668:
   668  PUSH_CONST 11                   ; 0x03
    .loc 0 96 27                        ; examples/multisig.contract:96:27
   671  LOAD 0                          ; id
    .loc 0 96 17                        ; examples/multisig.contract:96:17
   673  OVER
   674  SLOAD 0                         ; int
   676  CHECK_INDEX
   677  KEY
   678  PUSH_INT 3
   680  KEY
   681  SLOAD 0                         ; int
    .loc 0 96 48                        ; examples/multisig.contract:96:48
   683  PUSH_CONST 7                    ; 0x02
   686  SLOAD 0                         ; int
    .loc 0 96 45                        ; examples/multisig.contract:96:45
   688  GE
    .loc 0 96 9                         ; examples/multisig.contract:96:9
   689  JUMP_IF_TRUE L696
    .loc 0 96 59                        ; examples/multisig.contract:96:59
   692  PUSH_CONST 17                   ; "not enough confirmations"
    .loc 0 96 9                         ; examples/multisig.contract:96:9
   695  REVERT
    .loc 0 97 9                         ; examples/multisig.contract:97:9
L696:
   696  PUSH_CONST 11                   ; 0x03
    .loc 0 97 19                        ; examples/multisig.contract:97:19
   699  LOAD 0                          ; id
    .loc 0 97 9                         ; examples/multisig.contract:97:9
   701  OVER
   702  SLOAD 0                         ; int
   704  CHECK_INDEX
   705  KEY
   706  PUSH_INT 4
   708  KEY
    .loc 0 97 34                        ; examples/multisig.contract:97:34
   709  PUSH_TRUE
    .loc 0 97 9                         ; examples/multisig.contract:97:9
   710  SSTORE
    .loc 0 98 18                        ; examples/multisig.contract:98:18
   711  PUSH_CONST 11                   ; 0x03
    .loc 0 98 28                        ; examples/multisig.contract:98:28
   714  LOAD 0                          ; id
    .loc 0 98 18                        ; examples/multisig.contract:98:18
   716  OVER
   717  SLOAD 0                         ; int
   719  CHECK_INDEX
   720  KEY
   721  PUSH_INT 0
   723  KEY
   724  SLOAD 2                         ; address
    .loc 0 98 36                        ; examples/multisig.contract:98:36
   726  PUSH_CONST 11                   ; 0x03
    .loc 0 98 46                        ; examples/multisig.contract:98:46
   729  LOAD 0                          ; id
    .loc 0 98 36                        ; examples/multisig.contract:98:36
   731  OVER
   732  SLOAD 0                         ; int
   734  CHECK_INDEX
   735  KEY
   736  PUSH_INT 1
   738  KEY
   739  SLOAD 0                         ; int
    .loc 0 98 9                         ; examples/multisig.contract:98:9
   741  TRANSFER
    .loc 0 99 23                        ; examples/multisig.contract:99:23
   742  LOAD 0                          ; id
    .loc 0 99 27                        ; examples/multisig.contract:99:27
   744  PUSH_CONST 11                   ; 0x03
    .loc 0 99 37                        ; examples/multisig.contract:99:37
   747  LOAD 0                          ; id
    .loc 0 99 27                        ; examples/multisig.contract:99:27
   749  OVER
   750  SLOAD 0                         ; int
   752  CHECK_INDEX
   753  KEY
   754  PUSH_INT 0
   756  KEY
   757  SLOAD 2                         ; address
    .loc 0 99 45                        ; examples/multisig.contract:99:45
   759  PUSH_CONST 11                   ; 0x03
    .loc 0 99 55                        ; examples/multisig.contract:99:55
   762  LOAD 0                          ; id
    .loc 0 99 45                        ; examples/multisig.contract:99:45
   764  OVER
   765  SLOAD 0                         ; int
   767  CHECK_INDEX
   768  KEY
   769  PUSH_INT 1
   771  KEY
   772  SLOAD 0                         ; int
    .loc 0 99 9                         ; examples/multisig.contract:99:9
   774  EMIT 4                          ; Executed
    .loc 0 92 29                        ; examples/multisig.contract:92:29
   777  RET

.function 6 proposal(id: int) -> Proposal{to: address, amount: int, proposer: address, confirmations: int, executed: bool} locals 2 pub view
    .loc 0 103 17                       ; examples/multisig.contract:103:17
   778  LOAD 0                          ; id
    .loc 0 103 23                       ; examples/multisig.contract:103:23
   780  PUSH_INT 0
    .loc 0 103 20                       ; examples/multisig.contract:103:20
   782  GE
    .loc 0 103 25                       ; examples/multisig.contract:103:25
   783  DUP
   784  JUMP_IF_FALSE L796
   787  POP
    .loc 0 103 28                       ; examples/multisig.contract:103:28
   788  LOAD 0                          ; id
    .loc 0 103 37                       ; examples/multisig.contract:103:37
   790  PUSH_CONST 11                   ; 0x03
    .loc 0 103 33                       ; examples/multisig.contract:103:33
   793  SLOAD 0                         ; int
    .loc 0 103 31                       ; examples/multisig.contract:103:31
   795  LT
    .loc 0 103 9                        ; examples/multisig.contract:103:9
L796:
   796  JUMP_IF_TRUE L803
    .loc 0 103 49                       ; examples/multisig.contract:103:49
   799  PUSH_CONST 12                   ; "no such proposal"
    .loc 0 103 9                        ; examples/multisig.contract:103:9
   802  REVERT
    .loc 0 104 16                       ; examples/multisig.contract:104:16
L803:
   803  PUSH_CONST 11                   ; 0x03
    .loc 0 104 26                       ; examples/multisig.contract:104:26
   806  LOAD 0                          ; id
    .loc 0 104 16                       ; examples/multisig.contract:104:16
   808  OVER
   809  SLOAD 0                         ; int
   811  CHECK_INDEX
   812  KEY
   813  STORE 1
   815  LOAD 1
   817  PUSH_INT 0
   819  KEY
   820  SLOAD 2                         ; address
   822  LOAD 1
   824  PUSH_INT 1
   826  KEY
   827  SLOAD 0                         ; int
   829  LOAD 1
   831  PUSH_INT 2
   833  KEY
   834  SLOAD 2                         ; address
   836  LOAD 1
   838  PUSH_INT 3
   840  KEY
   841  SLOAD 0                         ; int
   843  LOAD 1
   845  PUSH_INT 4
   847  KEY
   848  SLOAD 1                         ; bool
   850  MAKE_STRUCT 5
    .loc 0 104 9                        ; examples/multisig.contract:104:9
   852  RET

.function 7 proposal_count() -> int locals 0 pub view
    .loc 0 108 20                       ; examples/multisig.contract:108:20
   853  PUSH_CONST 11                   ; 0x03
    .loc 0 108 16                       ; examples/multisig.contract:108:16
   856  SLOAD 0                         ; int
    .loc 0 108 9                        ; examples/multisig.contract:108:9
   858  RET

.function 8 is_confirmed(id: int, owner: address) -> bool locals 2 pub view
    .loc 0 112 16                       ; examples/multisig.contract:112:16
   859  PUSH_CONST 14                   ; 0x04
    .loc 0 112 26                       ; examples/multisig.contract:112:26
   862  LOAD 0                          ; id
    .loc 0 112 16                       ; examples/multisig.contract:112:16
   864  KEY
    .loc 0 112 30                       ; examples/multisig.contract:112:30
   865  LOAD 1                          ; owner
    .loc 0 112 16                       ; examples/multisig.contract:112:16
   867  KEY
   868  SLOAD 1                         ; bool
    .loc 0 112 9                        ; examples/multisig.contract:112:9
   870  RET

.function 9 owner_count() -> int locals 0 pub view
    .loc 0 116 20                       ; examples/multisig.contract:116:20
   871  PUSH_CONST 6                    ; 0x00
    .loc 0 116 16                       ; examples/multisig.contract:116:16
   874  SLOAD 0                         ; int
    .loc 0 116 9                        ; examples/multisig.contract:116:9
   876  RET

.function 10 owner_at(index: int) -> address locals 1 pub view
    .loc 0 120 16                       ; examples/multisig.contract:120:16
   877  PUSH_CONST 6                    ; 0x00
    .loc 0 120 23                       ; examples/multisig.contract:120:23
   880  LOAD 0                          ; index
    .loc 0 120 16                       ; examples/multisig.contract:120:16
   882  OVER
   883  SLOAD 0                         ; int
   885  CHECK_INDEX
   886  KEY
   887  SLOAD 2                         ; address
    .loc 0 120 9                        ; examples/multisig.contract:120:9
   889  RET

.function 11 get_threshold() -> int locals 0 pub view
    .loc 0 124 16                       ; examples/multisig.contract:124:16
   890  PUSH_CONST 7                    ; 0x02
   893  SLOAD 0                         ; int
    .loc 0 124 9                        ; examples/multisig.contract:124:9
   895  RET

.function 12 check_owner(who: address) -> bool locals 1 pub view
    .loc 0 128 16                       ; examples/multisig.contract:128:16
   896  PUSH_CONST 4                    ; 0x01
    .loc 0 128 25                       ; examples/multisig.contract:128:25
   899  LOAD 0                          ; who
    .loc 0 128 16                       ; examples/multisig.contract:128:16
   901  KEY
   902  SLOAD 1                         ; bool
    .loc 0 128 9                        ; examples/multisig.contract:128:9
   904  RET

.function 13 bytesutil.address_count(packed: bytes) -> int locals 1
    .loc 1 30 17                        ; stdlib/bytesutil.contract:30:17
   905  LOAD 0                          ; packed
    .loc 1 30 13                        ; stdlib/bytesutil.contract:30:13
   907  LEN
    .loc 1 30 27                        ; stdlib/bytesutil.contract:30:27
   908  PUSH_INT 20
    .loc 1 30 25                        ; stdlib/bytesutil.contract:30:25
   910  MOD
    .loc 1 30 33                        ; stdlib/bytesutil.contract:30:33
   911  PUSH_INT 0
    .loc 1 30 30                        ; stdlib/bytesutil.contract:30:30
   913  EQ
    .loc 1 30 5                         ; stdlib/bytesutil.contract:30:5
   914  JUMP_IF_TRUE L921
    .loc 1 30 36                        ; stdlib/bytesutil.contract:30:36
   917  PUSH_CONST 18                   ; "not a list of addresses"
    .loc 1 30 5                         ; stdlib/bytesutil.contract:30:5
   920  REVERT
    .loc 1 31 16                        ; stdlib/bytesutil.contract:31:16
L921:
   921  LOAD 0                          ; packed
    .loc 1 31 12                        ; stdlib/bytesutil.contract:31:12
   923  LEN
    .loc 1 31 26                        ; stdlib/bytesutil.contract:31:26
   924  PUSH_INT 20
    .loc 1 31 24                        ; stdlib/bytesutil.contract:31:24
   926  DIV
    .loc 1 31 5                         ; stdlib/bytesutil.contract:31:5
   927  RET

.function 14 bytesutil.address_at(packed: bytes, index: int) -> address locals 2
    .loc 1 35 13                        ; stdlib/bytesutil.contract:35:13
   928  LOAD 1                          ; index
    .loc 1 35 22                        ; stdlib/bytesutil.contract:35:22
   930  PUSH_INT 0
    .loc 1 35 19                        ; stdlib/bytesutil.contract:35:19
   932  GE
    .loc 1 35 24                        ; stdlib/bytesutil.contract:35:24
   933  DUP
   934  JUMP_IF_FALSE L947
   937  POP
    .loc 1 35 27                        ; stdlib/bytesutil.contract:35:27
   938  LOAD 1                          ; index
    .loc 1 35 39                        ; stdlib/bytesutil.contract:35:39
   940  LOAD 0                          ; packed
    .loc 1 35 35                        ; stdlib/bytesutil.contract:35:35
   942  LEN
    .loc 1 35 49                        ; stdlib/bytesutil.contract:35:49
   943  PUSH_INT 20
    .loc 1 35 47                        ; stdlib/bytesutil.contract:35:47
   945  DIV
    .loc 1 35 33                        ; stdlib/bytesutil.contract:35:33
   946  LT
    .loc 1 35 5                         ; stdlib/bytesutil.contract:35:5
L947:
   947  JUMP_IF_TRUE L954
    .loc 1 35 53                        ; stdlib/bytesutil.contract:35:53
   950  PUSH_CONST 19                   ; "index out of range"
    .loc 1 35 5                         ; stdlib/bytesutil.contract:35:5
   953  REVERT
    .loc 1 36 28                        ; stdlib/bytesutil.contract:36:28
L954:
   954  LOAD 0                          ; packed
    .loc 1 36 36                        ; stdlib/bytesutil.contract:36:36
   956  LOAD 1                          ; index
    .loc 1 36 44                        ; stdlib/bytesutil.contract:36:44
   958  PUSH_INT 20
    .loc 1 36 42                        ; stdlib/bytesutil.contract:36:42
   960  MUL
    .loc 1 36 48                        ; stdlib/bytesutil.contract:36:48
   961  PUSH_INT 20
    .loc 1 36 20                        ; stdlib/bytesutil.contract:36:20
   963  CALL 15                         ; bytesutil.uint_at
    .loc 1 36 12                        ; stdlib/bytesutil.contract:36:12
   966  TO_ADDR
    .loc 1 36 5                         ; stdlib/bytesutil.contract:36:5
   967  RET

.function 15 bytesutil.uint_at(b: bytes, start: int, size: int) -> int locals 6
    .loc 1 21 13                        ; stdlib/bytesutil.contract:21:13
   968  LOAD 1                          ; start
    .loc 1 21 22                        ; stdlib/bytesutil.contract:21:22
   970  PUSH_INT 0
    .loc 1 21 19                        ; stdlib/bytesutil.contract:21:19
   972  GE
    .loc 1 21 24                        ; stdlib/bytesutil.contract:21:24
   973  DUP
   974  JUMP_IF_FALSE L983
   977  POP
    .loc 1 21 27                        ; stdlib/bytesutil.contract:21:27
   978  LOAD 2                          ; size
    .loc 1 21 35                        ; stdlib/bytesutil.contract:21:35
   980  PUSH_INT 0
    .loc 1 21 32                        ; stdlib/bytesutil.contract:21:32
   982  GE
    .loc 1 21 37                        ; stdlib/bytesutil.contract:21:37
L983:
   983  DUP
   984  JUMP_IF_FALSE L994
   987  POP
    .loc 1 21 40                        ; stdlib/bytesutil.contract:21:40
   988  LOAD 2                          ; size
    .loc 1 21 52                        ; stdlib/bytesutil.contract:21:52
   990  LOAD 0                          ; b
    .loc 1 21 48                        ; stdlib/bytesutil.contract:21:48
   992  LEN
    .loc 1 21 45                        ; stdlib/bytesutil.contract:21:45
   993  LE
    .loc 1 21 55                        ; stdlib/bytesutil.contract:21:55
L994:
   994  DUP
   995  JUMP_IF_FALSE L1008
   998  POP
    .loc 1 21 58                        ; stdlib/bytesutil.contract:21:58
   999  LOAD 1                          ; start
    .loc 1 21 71                        ; stdlib/bytesutil.contract:21:71
  1001  LOAD 0                          ; b
    .loc 1 21 67                        ; stdlib/bytesutil.contract:21:67
  1003  LEN
    .loc 1 21 76                        ; stdlib/bytesutil.contract:21:76
  1004  LOAD 2                          ; size
    .loc 1 21 74                        ; stdlib/bytesutil.contract:21:74
  1006  SUB
    .loc 1 21 64                        ; stdlib/bytesutil.contract:21:64
  1007  LE
    .loc 1 21 5                         ; stdlib/bytesutil.contract:21:5
L1008:
  1008  JUMP_IF_TRUE L1015
    .loc 1 21 82                        ; stdlib/bytesutil.contract:21:82
  1011  PUSH_CONST 19                   ; "index out of range"
    .loc 1 21 5                         ; stdlib/bytesutil.contract:21:5
  1014  REVERT
    .loc 1 22 13                        ; stdlib/bytesutil.contract:22:13
L1015:
  1015  PUSH_INT 0
    .loc 1 22 5                         ; stdlib/bytesutil.contract:22:5
  1017  STORE 3
    .loc 1 23 20                        ; stdlib/bytesutil.contract:23:20
  1019  LOAD 1                          ; start
    .loc 1 23 5                         ; stdlib/bytesutil.contract:23:5
  1021  STORE 4
    .loc 1 23 27                        ; stdlib/bytesutil.contract:23:27
  1023  LOAD 1                          ; start
    .loc 1 23 35                        ; stdlib/bytesutil.contract:23:35
  1025  LOAD 2                          ; size
    .loc 1 23 33                        ; stdlib/bytesutil.contract:23:33
  1027  ADD
    .loc 1 23 5                         ; stdlib/bytesutil.contract:23:5
  1028  STORE 5
L1030:
  1030  LOAD 4
  1032  LOAD 5
  1034  LT
  1035  JUMP_IF_FALSE L1062
    .loc 1 24 13                        ; stdlib/bytesutil.contract:24:13
  1038  LOAD 3
    .loc 1 24 17                        ; stdlib/bytesutil.contract:24:17
  1040  PUSH_CONST 20                   ; 256
    .loc 1 24 15                        ; stdlib/bytesutil.contract:24:15
  1043  MUL
    .loc 1 24 23                        ; stdlib/bytesutil.contract:24:23
  1044  LOAD 0                          ; b
    .loc 1 24 25                        ; stdlib/bytesutil.contract:24:25
  1046  LOAD 4
    .loc 1 24 23                        ; stdlib/bytesutil.contract:24:23
  1048  BYTE_AT
    .loc 1 24 21                        ; stdlib/bytesutil.contract:24:21
  1049  ADD
    .loc 1 24 9                         ; stdlib/bytesutil.contract:24:9
  1050  STORE 3
    .loc 1 23 5                         ; stdlib/bytesutil.contract:23:5
  1052  LOAD 4
  1054  PUSH_INT 1
  1056  ADD
  1057  STORE 4
  1059  JUMP L1030
    .loc 1 26 12                        ; stdlib/bytesutil.contract:26:12
L1062:
  1062  LOAD 3
    .loc 1 26 5                         ; stdlib/bytesutil.contract:26:5
  1064  RET
