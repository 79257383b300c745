; Obelisk code object, format version 1
.contract ComputeMarket
.file 0 "examples/compute_market.contract"
.file 1 "stdlib/commit.contract"
.event 0 JobPosted(job: int, client: address, payment: int, input_hash: bytes, seats: int, quorum: int, stake: int, commit_deadline: int, reveal_deadline: int)
.event 1 WorkerJoined(job: int, worker: address, seat: int)
.event 2 Committed(job: int, worker: address, commitment: bytes)
.event 3 Revealed(job: int, worker: address, result_hash: bytes)
.event 4 QuorumReached(job: int, result_hash: bytes)
.event 5 WorkerPaid(job: int, worker: address, share: int, stake: int)
.event 6 StakeForfeited(job: int, worker: address, stake: int)
.event 7 StakeReturned(job: int, worker: address, stake: int)
.event 8 JobPaid(job: int, result_hash: bytes, workers: int, share: int)
.event 9 JobFailed(job: int, refund: int)
.event 10 Withdrawn(who: address, amount: int)
.const 0 string "a job needs a payment"
.const 1 string "input hash must be 32 bytes"
.const 2 string "seats out of range"
.const 3 string "quorum must be a majority of the seats"
.const 4 string "stake must be positive"
.const 5 string "phases must last at least one block"
.const 6 bytes 0x00
.const 7 bytes 0x
.const 8 string "job is settled"
.const 9 string "commit phase is over"
.const 10 string "the client cannot work on its own job"
.const 11 bytes 0x02
.const 12 string "already joined"
.const 13 string "no free seat"
.const 14 string "stake must equal the job's stake"
.const 15 bytes 0x01
.const 16 string "commitment must be 32 bytes"
.const 17 string "already committed"
.const 18 bytes 0x03
.const 19 string "commitment already used"
.const 20 string "reveal phase has not started"
.const 21 string "reveal phase is over"
.const 22 string "nothing committed"
.const 23 string "already revealed"
.const 24 string "reveal does not match commitment"
.const 25 bytes 0x04
.const 26 string "reveal phase is not over"
.const 27 bytes 0x05
.const 28 string "nothing to withdraw"
.const 29 string "no such seat"
.const 30 string "no such job"
.const 31 string "not a worker on this job"

.function 0 post_job(input_hash: bytes, seats: int, quorum: int, stake: int, commit_blocks: int, reveal_blocks: int) -> int locals 12 pub payable
    .loc 0 94 17                        ; examples/compute_market.contract:94:17
     0  CALLVALUE
    .loc 0 94 29                        ; examples/compute_market.contract:94:29
     1  PUSH_INT 0
    .loc 0 94 27                        ; examples/compute_market.contract:94:27
     3  GT
    .loc 0 94 9                         ; examples/compute_market.contract:94:9
     4  JUMP_IF_TRUE L11
    .loc 0 94 32                        ; examples/compute_market.contract:94:32
     7  PUSH_CONST 0                    ; "a job needs a payment"
    .loc 0 94 9                         ; examples/compute_market.contract:94:9
    10  REVERT
    .loc 0 95 32                        ; examples/compute_market.contract:95:32
L11:
    11  LOAD 0                          ; input_hash
    .loc 0 95 17                        ; examples/compute_market.contract:95:17
    13  CALL 17                         ; commit.is_hash
    .loc 0 95 9                         ; examples/compute_market.contract:95:9
    16  JUMP_IF_TRUE L23
    .loc 0 95 45                        ; examples/compute_market.contract:95:45
    19  PUSH_CONST 1                    ; "input hash must be 32 bytes"
    .loc 0 95 9                         ; examples/compute_market.contract:95:9
    22  REVERT
    .loc 0 96 17                        ; examples/compute_market.contract:96:17
L23:
    23  LOAD 1                          ; seats
    .loc 0 96 25                        ; examples/compute_market.contract:96:25
    25  PUSH_INT 0
    .loc 0 96 23                        ; examples/compute_market.contract:96:23
    27  GT
    .loc 0 96 27                        ; examples/compute_market.contract:96:27
    28  DUP
    29  JUMP_IF_FALSE L38
    32  POP
    .loc 0 96 30                        ; examples/compute_market.contract:96:30
    33  LOAD 1                          ; seats
    .loc 0 96 39                        ; examples/compute_market.contract:96:39
    35  PUSH_INT 16
    .loc 0 96 36                        ; examples/compute_market.contract:96:36
    37  LE
    .loc 0 96 9                         ; examples/compute_market.contract:96:9
L38:
    38  JUMP_IF_TRUE L45
    .loc 0 96 50                        ; examples/compute_market.contract:96:50
    41  PUSH_CONST 2                    ; "seats out of range"
    .loc 0 96 9                         ; examples/compute_market.contract:96:9
    44  REVERT
    .loc 0 99 17                        ; examples/compute_market.contract:99:17
L45:
    45  LOAD 2                          ; quorum
    .loc 0 99 27                        ; examples/compute_market.contract:99:27
    47  LOAD 1                          ; seats
    .loc 0 99 24                        ; examples/compute_market.contract:99:24
    49  LE
    .loc 0 99 33                        ; examples/compute_market.contract:99:33
    50  DUP
    51  JUMP_IF_FALSE L63
    54  POP
    .loc 0 99 36                        ; examples/compute_market.contract:99:36
    55  LOAD 2                          ; quorum
    .loc 0 99 45                        ; examples/compute_market.contract:99:45
    57  PUSH_INT 2
    .loc 0 99 43                        ; examples/compute_market.contract:99:43
    59  MUL
    .loc 0 99 49                        ; examples/compute_market.contract:99:49
    60  LOAD 1                          ; seats
    .loc 0 99 47                        ; examples/compute_market.contract:99:47
    62  GT
    .loc 0 99 9                         ; examples/compute_market.contract:99:9
L63:
    63  JUMP_IF_TRUE L70
    .loc 0 99 56                        ; examples/compute_market.contract:99:56
    66  PUSH_CONST 3                    ; "quorum must be a majority of the seats"
    .loc 0 99 9                         ; examples/compute_market.contract:99:9
    69  REVERT
    .loc 0 100 17                       ; examples/compute_market.contract:100:17
L70:
    70  LOAD 3                          ; stake
    .loc 0 100 25                       ; examples/compute_market.contract:100:25
    72  PUSH_INT 0
    .loc 0 100 23                       ; examples/compute_market.contract:100:23
    74  GT
    .loc 0 100 9                        ; examples/compute_market.contract:100:9
    75  JUMP_IF_TRUE L82
    .loc 0 100 28                       ; examples/compute_market.contract:100:28
    78  PUSH_CONST 4                    ; "stake must be positive"
    .loc 0 100 9                        ; examples/compute_market.contract:100:9
    81  REVERT
    .loc 0 101 17                       ; examples/compute_market.contract:101:17
L82:
    82  LOAD 4                          ; commit_blocks
    .loc 0 101 33                       ; examples/compute_market.contract:101:33
    84  PUSH_INT 0
    .loc 0 101 31                       ; examples/compute_market.contract:101:31
    86  GT
    .loc 0 101 35                       ; examples/compute_market.contract:101:35
    87  DUP
    88  JUMP_IF_FALSE L97
    91  POP
    .loc 0 101 38                       ; examples/compute_market.contract:101:38
    92  LOAD 5                          ; reveal_blocks
    .loc 0 101 54                       ; examples/compute_market.contract:101:54
    94  PUSH_INT 0
    .loc 0 101 52                       ; examples/compute_market.contract:101:52
    96  GT
    .loc 0 101 9                        ; examples/compute_market.contract:101:9
L97:
    97  JUMP_IF_TRUE L104
    .loc 0 101 57                       ; examples/compute_market.contract:101:57
   100  PUSH_CONST 5                    ; "phases must last at least one block"
    .loc 0 101 9                        ; examples/compute_market.contract:101:9
   103  REVERT
    .loc 0 102 22                       ; examples/compute_market.contract:102:22
L104:
   104  PUSH_CONST 6                    ; 0x00
    .loc 0 102 18                       ; examples/compute_market.contract:102:18
   107  SLOAD 0                         ; int
    .loc 0 102 9                        ; examples/compute_market.contract:102:9
   109  STORE 6
    .loc 0 103 31                       ; examples/compute_market.contract:103:31
   111  BLOCK_NUMBER
    .loc 0 103 46                       ; examples/compute_market.contract:103:46
   112  LOAD 4                          ; commit_blocks
    .loc 0 103 44                       ; examples/compute_market.contract:103:44
   114  ADD
    .loc 0 103 9                        ; examples/compute_market.contract:103:9
   115  STORE 7
    .loc 0 104 9                        ; examples/compute_market.contract:104:9
   117  PUSH_CONST 6                    ; 0x00
   120  STORE 8
   122  LOAD 8
   124  SLOAD 0                         ; int
   126  STORE 9
   128  LOAD 8
   130  LOAD 9
   132  KEY
    .loc 0 105 21                       ; examples/compute_market.contract:105:21
   133  CALLER
    .loc 0 106 22                       ; examples/compute_market.contract:106:22
   134  CALLVALUE
    .loc 0 107 25                       ; examples/compute_market.contract:107:25
   135  LOAD 0                          ; input_hash
    .loc 0 108 20                       ; examples/compute_market.contract:108:20
   137  LOAD 1                          ; seats
    .loc 0 109 21                       ; examples/compute_market.contract:109:21
   139  LOAD 2                          ; quorum
    .loc 0 110 20                       ; examples/compute_market.contract:110:20
   141  LOAD 3                          ; stake
    .loc 0 111 30                       ; examples/compute_market.contract:111:30
   143  LOAD 7
    .loc 0 112 30                       ; examples/compute_market.contract:112:30
   145  LOAD 7
    .loc 0 112 48                       ; examples/compute_market.contract:112:48
   147  LOAD 5                          ; reveal_blocks
    .loc 0 112 46                       ; examples/compute_market.contract:112:46
   149  ADD
    .loc 0 113 21                       ; examples/compute_market.contract:113:21
   150  PUSH_INT 0
    .loc 0 114 24                       ; examples/compute_market.contract:114:24
   152  PUSH_INT 0
    .loc 0 115 23                       ; examples/compute_market.contract:115:23
   154  PUSH_INT 0
    .loc 0 116 20                       ; examples/compute_market.contract:116:20
   156  PUSH_INT 0
    .loc 0 117 26                       ; examples/compute_market.contract:117:26
   158  PUSH_CONST 7                    ; 0x
    .loc 0 104 19                       ; examples/compute_market.contract:104:19
   161  MAKE_STRUCT 13
    .loc 0 104 9                        ; examples/compute_market.contract:104:9
   163  STORE 10
   165  STORE 11
   167  LOAD 11
   169  PUSH_INT 0
   171  KEY
   172  LOAD 10
   174  GET_FIELD 0
   176  SSTORE
   177  LOAD 11
   179  PUSH_INT 1
   181  KEY
   182  LOAD 10
   184  GET_FIELD 1
   186  SSTORE
   187  LOAD 11
   189  PUSH_INT 2
   191  KEY
   192  LOAD 10
   194  GET_FIELD 2
   196  SSTORE
   197  LOAD 11
   199  PUSH_INT 3
   201  KEY
   202  LOAD 10
   204  GET_FIELD 3
   206  SSTORE
   207  LOAD 11
   209  PUSH_INT 4
   211  KEY
   212  LOAD 10
   214  GET_FIELD 4
   216  SSTORE
   217  LOAD 11
   219  PUSH_INT 5
   221  KEY
   222  LOAD 10
   224  GET_FIELD 5
   226  SSTORE
   227  LOAD 11
   229  PUSH_INT 6
   231  KEY
   232  LOAD 10
   234  GET_FIELD 6
   236  SSTORE
   237  LOAD 11
   239  PUSH_INT 7
   241  KEY
   242  LOAD 10
   244  GET_FIELD 7
   246  SSTORE
   247  LOAD 11
   249  PUSH_INT 8
   251  KEY
   252  LOAD 10
   254  GET_FIELD 8
   256  SSTORE
   257  LOAD 11
   259  PUSH_INT 9
   261  KEY
   262  LOAD 10
   264  GET_FIELD 9
   266  SSTORE
   267  LOAD 11
   269  PUSH_INT 10
   271  KEY
   272  LOAD 10
   274  GET_FIELD 10
   276  SSTORE
   277  LOAD 11
   279  PUSH_INT 11
   281  KEY
   282  LOAD 10
   284  GET_FIELD 11
   286  SSTORE
   287  LOAD 11
   289  PUSH_INT 12
   291  KEY
   292  LOAD 10
   294  GET_FIELD 12
   296  SSTORE
   297  LOAD 8
   299  LOAD 9
   301  PUSH_INT 1
   303  ADD
   304  SSTORE
    .loc 0 119 24                       ; examples/compute_market.contract:119:24
   305  LOAD 6
    .loc 0 119 28                       ; examples/compute_market.contract:119:28
   307  CALLER
    .loc 0 119 40                       ; examples/compute_market.contract:119:40
   308  CALLVALUE
    .loc 0 119 51                       ; examples/compute_market.contract:119:51
   309  LOAD 0                          ; input_hash
    .loc 0 119 63                       ; examples/compute_market.contract:119:63
   311  LOAD 1                          ; seats
    .loc 0 119 70                       ; examples/compute_market.contract:119:70
   313  LOAD 2                          ; quorum
    .loc 0 119 78                       ; examples/compute_market.contract:119:78
   315  LOAD 3                          ; stake
    .loc 0 120 24                       ; examples/compute_market.contract:120:24
   317  LOAD 7
    .loc 0 120 41                       ; examples/compute_market.contract:120:41
   319  LOAD 7
    .loc 0 120 59                       ; examples/compute_market.contract:120:59
   321  LOAD 5                          ; reveal_blocks
    .loc 0 120 57                       ; examples/compute_market.contract:120:57
   323  ADD
    .loc 0 119 9                        ; examples/compute_market.contract:119:9
   324  EMIT 0                          ; JobPosted
    .loc 0 121 16                       ; examples/compute_market.contract:121:16
   327  LOAD 6
    .loc 0 121 9                        ; examples/compute_market.contract:121:9
   329  RET

.function 1 join(job: int) -> int locals 2 pub payable
    .loc 0 126 21                       ; examples/compute_market.contract:126:21
   330  LOAD 0                          ; job
    .loc 0 126 9                        ; examples/compute_market.contract:126:9
   332  CALL 14                         ; require_job
    .loc 0 127 17                       ; examples/compute_market.contract:127:17
   335  PUSH_CONST 6                    ; 0x00
    .loc 0 127 22                       ; examples/compute_market.contract:127:22
   338  LOAD 0                          ; job
    .loc 0 127 17                       ; examples/compute_market.contract:127:17
   340  OVER
   341  SLOAD 0                         ; int
   343  CHECK_INDEX
   344  KEY
   345  PUSH_INT 11
   347  KEY
   348  SLOAD 0                         ; int
    .loc 0 127 36                       ; examples/compute_market.contract:127:36
   350  PUSH_INT 0
    .loc 0 127 33                       ; examples/compute_market.contract:127:33
   352  EQ
    .loc 0 127 9                        ; examples/compute_market.contract:127:9
   353  JUMP_IF_TRUE L360
    .loc 0 127 42                       ; examples/compute_market.contract:127:42
   356  PUSH_CONST 8                    ; "job is settled"
    .loc 0 127 9                        ; examples/compute_market.contract:127:9
   359  REVERT
    .loc 0 128 17                       ; examples/compute_market.contract:128:17
L360:
   360  BLOCK_NUMBER
    .loc 0 128 33                       ; examples/compute_market.contract:128:33
   361  PUSH_CONST 6                    ; 0x00
    .loc 0 128 38                       ; examples/compute_market.contract:128:38
   364  LOAD 0                          ; job
    .loc 0 128 33                       ; examples/compute_market.contract:128:33
   366  OVER
   367  SLOAD 0                         ; int
   369  CHECK_INDEX
   370  KEY
   371  PUSH_INT 6
   373  KEY
   374  SLOAD 0                         ; int
    .loc 0 128 30                       ; examples/compute_market.contract:128:30
   376  LE
    .loc 0 128 9                        ; examples/compute_market.contract:128:9
   377  JUMP_IF_TRUE L384
    .loc 0 128 60                       ; examples/compute_market.contract:128:60
   380  PUSH_CONST 9                    ; "commit phase is over"
    .loc 0 128 9                        ; examples/compute_market.contract:128:9
   383  REVERT
    .loc 0 129 17                       ; examples/compute_market.contract:129:17
L384:
   384  CALLER
    .loc 0 129 31                       ; examples/compute_market.contract:129:31
   385  PUSH_CONST 6                    ; 0x00
    .loc 0 129 36                       ; examples/compute_market.contract:129:36
   388  LOAD 0                          ; job
    .loc 0 129 31                       ; examples/compute_market.contract:129:31
   390  OVER
   391  SLOAD 0                         ; int
   393  CHECK_INDEX
   394  KEY
   395  PUSH_INT 0
   397  KEY
   398  SLOAD 2                         ; address
    .loc 0 129 28                       ; examples/compute_market.contract:129:28
   400  NE
    .loc 0 129 9                        ; examples/compute_market.contract:129:9
   401  JUMP_IF_TRUE L408
    .loc 0 129 49                       ; examples/compute_market.contract:129:49
   404  PUSH_CONST 10                   ; "the client cannot work on its own job"
    .loc 0 129 9                        ; examples/compute_market.contract:129:9
   407  REVERT
    .loc 0 130 17                       ; examples/compute_market.contract:130:17
L408:
   408  PUSH_CONST 11                   ; 0x02
    .loc 0 130 25                       ; examples/compute_market.contract:130:25
   411  LOAD 0                          ; job
    .loc 0 130 17                       ; examples/compute_market.contract:130:17
   413  KEY
    .loc 0 130 30                       ; examples/compute_market.contract:130:30
   414  CALLER
    .loc 0 130 17                       ; examples/compute_market.contract:130:17
   415  KEY
   416  SLOAD 0                         ; int
    .loc 0 130 45                       ; examples/compute_market.contract:130:45
   418  PUSH_INT 0
    .loc 0 130 42                       ; examples/compute_market.contract:130:42
   420  EQ
    .loc 0 130 9                        ; examples/compute_market.contract:130:9
   421  JUMP_IF_TRUE L428
    .loc 0 130 48                       ; examples/compute_market.contract:130:48
   424  PUSH_CONST 12                   ; "already joined"
    .loc 0 130 9                        ; examples/compute_market.contract:130:9
   427  REVERT
    .loc 0 131 17                       ; examples/compute_market.contract:131:17
L428:
   428  PUSH_CONST 6                    ; 0x00
    .loc 0 131 22                       ; examples/compute_market.contract:131:22
   431  LOAD 0                          ; job
    .loc 0 131 17                       ; examples/compute_market.contract:131:17
   433  OVER
   434  SLOAD 0                         ; int
   436  CHECK_INDEX
   437  KEY
   438  PUSH_INT 8
   440  KEY
   441  SLOAD 0                         ; int
    .loc 0 131 36                       ; examples/compute_market.contract:131:36
   443  PUSH_CONST 6                    ; 0x00
    .loc 0 131 41                       ; examples/compute_market.contract:131:41
   446  LOAD 0                          ; job
    .loc 0 131 36                       ; examples/compute_market.contract:131:36
   448  OVER
   449  SLOAD 0                         ; int
   451  CHECK_INDEX
   452  KEY
   453  PUSH_INT 3
   455  KEY
   456  SLOAD 0                         ; int
    .loc 0 131 34                       ; examples/compute_market.contract:131:34
   458  LT
    .loc 0 131 9                        ; examples/compute_market.contract:131:9
   459  JUMP_IF_TRUE L466
    .loc 0 131 53                       ; examples/compute_market.contract:131:53
   462  PUSH_CONST 13                   ; "no free seat"
    .loc 0 131 9                        ; examples/compute_market.contract:131:9
   465  REVERT
    .loc 0 132 17                       ; examples/compute_market.contract:132:17
L466:
   466  CALLVALUE
    .loc 0 132 30                       ; examples/compute_market.contract:132:30
   467  PUSH_CONST 6                    ; 0x00
    .loc 0 132 35                       ; examples/compute_market.contract:132:35
   470  LOAD 0                          ; job
    .loc 0 132 30                       ; examples/compute_market.contract:132:30
   472  OVER
   473  SLOAD 0                         ; int
   475  CHECK_INDEX
   476  KEY
   477  PUSH_INT 5
   479  KEY
   480  SLOAD 0                         ; int
    .loc 0 132 27                       ; examples/compute_market.contract:132:27
   482  EQ
    .loc 0 132 9                        ; examples/compute_market.contract:132:9
   483  JUMP_IF_TRUE L490
    .loc 0 132 47                       ; examples/compute_market.contract:132:47
   486  PUSH_CONST 14                   ; "stake must equal the job's stake"
    .loc 0 132 9                        ; examples/compute_market.contract:132:9
   489  REVERT
    .loc 0 133 20                       ; examples/compute_market.contract:133:20
L490:
   490  PUSH_CONST 6                    ; 0x00
    .loc 0 133 25                       ; examples/compute_market.contract:133:25
   493  LOAD 0                          ; job
    .loc 0 133 20                       ; examples/compute_market.contract:133:20
   495  OVER
   496  SLOAD 0                         ; int
   498  CHECK_INDEX
   499  KEY
   500  PUSH_INT 8
   502  KEY
   503  SLOAD 0                         ; int
    .loc 0 133 9                        ; examples/compute_market.contract:133:9
   505  STORE 1
    .loc 0 134 9                        ; examples/compute_market.contract:134:9
   507  PUSH_CONST 15                   ; 0x01
    .loc 0 134 20                       ; examples/compute_market.contract:134:20
   510  LOAD 0                          ; job
    .loc 0 134 9                        ; examples/compute_market.contract:134:9
   512  KEY
    .loc 0 134 25                       ; examples/compute_market.contract:134:25
   513  LOAD 1
    .loc 0 134 9                        ; examples/compute_market.contract:134:9
   515  KEY
   516  PUSH_INT 0
   518  KEY
    .loc 0 134 40                       ; examples/compute_market.contract:134:40
   519  CALLER
    .loc 0 134 9                        ; examples/compute_market.contract:134:9
   520  SSTORE
    .loc 0 135 9                        ; examples/compute_market.contract:135:9
   521  PUSH_CONST 11                   ; 0x02
    .loc 0 135 17                       ; examples/compute_market.contract:135:17
   524  LOAD 0                          ; job
    .loc 0 135 9                        ; examples/compute_market.contract:135:9
   526  KEY
    .loc 0 135 22                       ; examples/compute_market.contract:135:22
   527  CALLER
    .loc 0 135 9                        ; examples/compute_market.contract:135:9
   528  KEY
    .loc 0 135 36                       ; examples/compute_market.contract:135:36
   529  LOAD 1
    .loc 0 135 43                       ; examples/compute_market.contract:135:43
   531  PUSH_INT 1
    .loc 0 135 41                       ; examples/compute_market.contract:135:41
   533  ADD
    .loc 0 135 9                        ; examples/compute_market.contract:135:9
   534  SSTORE
    .loc 0 136 9                        ; examples/compute_market.contract:136:9
   535  PUSH_CONST 6                    ; 0x00
    .loc 0 136 14                       ; examples/compute_market.contract:136:14
   538  LOAD 0                          ; job
    .loc 0 136 9                        ; examples/compute_market.contract:136:9
   540  OVER
   541  SLOAD 0                         ; int
   543  CHECK_INDEX
   544  KEY
   545  PUSH_INT 8
   547  KEY
    .loc 0 136 28                       ; examples/compute_market.contract:136:28
   548  LOAD 1
    .loc 0 136 35                       ; examples/compute_market.contract:136:35
   550  PUSH_INT 1
    .loc 0 136 33                       ; examples/compute_market.contract:136:33
   552  ADD
    .loc 0 136 9                        ; examples/compute_market.contract:136:9
   553  SSTORE
    .loc 0 137 27                       ; examples/compute_market.contract:137:27
   554  LOAD 0                          ; job
    .loc 0 137 32                       ; examples/compute_market.contract:137:32
   556  CALLER
    .loc 0 137 44                       ; examples/compute_market.contract:137:44
   557  LOAD 1
    .loc 0 137 9                        ; examples/compute_market.contract:137:9
   559  EMIT 1                          ; WorkerJoined
    .loc 0 138 16                       ; examples/compute_market.contract:138:16
   562  LOAD 1
    .loc 0 138 9                        ; examples/compute_market.contract:138:9
   564  RET

.function 2 commit_result(job: int, commitment: bytes) locals 3 pub
    .loc 0 144 21                       ; examples/compute_market.contract:144:21
   565  LOAD 0                          ; job
    .loc 0 144 9                        ; examples/compute_market.contract:144:9
   567  CALL 14                         ; require_job
    .loc 0 145 31                       ; examples/compute_market.contract:145:31
   570  LOAD 0                          ; job
    .loc 0 145 36                       ; examples/compute_market.contract:145:36
   572  CALLER
    .loc 0 145 20                       ; examples/compute_market.contract:145:20
   573  CALL 15                         ; seat_index
    .loc 0 145 9                        ; examples/compute_market.contract:145:9
   576  STORE 2
    .loc 0 146 17                       ; examples/compute_market.contract:146:17
   578  PUSH_CONST 6                    ; 0x00
    .loc 0 146 22                       ; examples/compute_market.contract:146:22
   581  LOAD 0                          ; job
    .loc 0 146 17                       ; examples/compute_market.contract:146:17
   583  OVER
   584  SLOAD 0                         ; int
   586  CHECK_INDEX
   587  KEY
   588  PUSH_INT 11
   590  KEY
   591  SLOAD 0                         ; int
    .loc 0 146 36                       ; examples/compute_market.contract:146:36
   593  PUSH_INT 0
    .loc 0 146 33                       ; examples/compute_market.contract:146:33
   595  EQ
    .loc 0 146 9                        ; examples/compute_market.contract:146:9
   596  JUMP_IF_TRUE L603
    .loc 0 146 42                       ; examples/compute_market.contract:146:42
   599  PUSH_CONST 8                    ; "job is settled"
    .loc 0 146 9                        ; examples/compute_market.contract:146:9
   602  REVERT
    .loc 0 147 30                       ; examples/compute_market.contract:147:30
L603:
   603  LOAD 0                          ; job
    .loc 0 147 18                       ; examples/compute_market.contract:147:18
   605  CALL 16                         ; reveal_open
    .loc 0 147 17                       ; examples/compute_market.contract:147:17
   608  NOT
    .loc 0 147 9                        ; examples/compute_market.contract:147:9
   609  JUMP_IF_TRUE L616
    .loc 0 147 36                       ; examples/compute_market.contract:147:36
   612  PUSH_CONST 9                    ; "commit phase is over"
    .loc 0 147 9                        ; examples/compute_market.contract:147:9
   615  REVERT
    .loc 0 148 32                       ; examples/compute_market.contract:148:32
L616:
   616  LOAD 1                          ; commitment
    .loc 0 148 17                       ; examples/compute_market.contract:148:17
   618  CALL 17                         ; commit.is_hash
    .loc 0 148 9                        ; examples/compute_market.contract:148:9
   621  JUMP_IF_TRUE L628
    .loc 0 148 45                       ; examples/compute_market.contract:148:45
   624  PUSH_CONST 16                   ; "commitment must be 32 bytes"
    .loc 0 148 9                        ; examples/compute_market.contract:148:9
   627  REVERT
    .loc 0 149 21                       ; examples/compute_market.contract:149:21
L628:
   628  PUSH_CONST 15                   ; 0x01
    .loc 0 149 32                       ; examples/compute_market.contract:149:32
   631  LOAD 0                          ; job
    .loc 0 149 21                       ; examples/compute_market.contract:149:21
   633  KEY
    .loc 0 149 37                       ; examples/compute_market.contract:149:37
   634  LOAD 2
    .loc 0 149 21                       ; examples/compute_market.contract:149:21
   636  KEY
   637  PUSH_INT 1
   639  KEY
   640  SLOAD 3                         ; bytes
    .loc 0 149 17                       ; examples/compute_market.contract:149:17
   642  LEN
    .loc 0 149 58                       ; examples/compute_market.contract:149:58
   643  PUSH_INT 0
    .loc 0 149 55                       ; examples/compute_market.contract:149:55
   645  EQ
    .loc 0 149 9                        ; examples/compute_market.contract:149:9
   646  JUMP_IF_TRUE L653
    .loc 0 149 61                       ; examples/compute_market.contract:149:61
   649  PUSH_CONST 17                   ; "already committed"
    .loc 0 149 9                        ; examples/compute_market.contract:149:9
   652  REVERT
    .loc 0 150 18                       ; examples/compute_market.contract:150:18
L653:
   653  PUSH_CONST 18                   ; 0x03
    .loc 0 150 35                       ; examples/compute_market.contract:150:35
   656  LOAD 0                          ; job
    .loc 0 150 18                       ; examples/compute_market.contract:150:18
   658  KEY
    .loc 0 150 40                       ; examples/compute_market.contract:150:40
   659  LOAD 1                          ; commitment
    .loc 0 150 18                       ; examples/compute_market.contract:150:18
   661  KEY
   662  SLOAD 1                         ; bool
    .loc 0 150 17                       ; examples/compute_market.contract:150:17
   664  NOT
    .loc 0 150 9                        ; examples/compute_market.contract:150:9
   665  JUMP_IF_TRUE L672
    .loc 0 150 53                       ; examples/compute_market.contract:150:53
   668  PUSH_CONST 19                   ; "commitment already used"
    .loc 0 150 9                        ; examples/compute_market.contract:150:9
   671  REVERT
    .loc 0 151 9                        ; examples/compute_market.contract:151:9
L672:
   672  PUSH_CONST 18                   ; 0x03
    .loc 0 151 26                       ; examples/compute_market.contract:151:26
   675  LOAD 0                          ; job
    .loc 0 151 9                        ; examples/compute_market.contract:151:9
   677  KEY
    .loc 0 151 31                       ; examples/compute_market.contract:151:31
   678  LOAD 1                          ; commitment
    .loc 0 151 9                        ; examples/compute_market.contract:151:9
   680  KEY
    .loc 0 151 45                       ; examples/compute_market.contract:151:45
   681  PUSH_TRUE
    .loc 0 151 9                        ; examples/compute_market.contract:151:9
   682  SSTORE
    .loc 0 152 9                        ; examples/compute_market.contract:152:9
   683  PUSH_CONST 15                   ; 0x01
    .loc 0 152 20                       ; examples/compute_market.contract:152:20
   686  LOAD 0                          ; job
    .loc 0 152 9                        ; examples/compute_market.contract:152:9
   688  KEY
    .loc 0 152 25                       ; examples/compute_market.contract:152:25
   689  LOAD 2
    .loc 0 152 9                        ; examples/compute_market.contract:152:9
   691  KEY
   692  PUSH_INT 1
   694  KEY
    .loc 0 152 44                       ; examples/compute_market.contract:152:44
   695  LOAD 1                          ; commitment
    .loc 0 152 9                        ; examples/compute_market.contract:152:9
   697  SSTORE
    .loc 0 153 9                        ; examples/compute_market.contract:153:9
   698  PUSH_CONST 6                    ; 0x00
    .loc 0 153 14                       ; examples/compute_market.contract:153:14
   701  LOAD 0                          ; job
    .loc 0 153 9                        ; examples/compute_market.contract:153:9
   703  OVER
   704  SLOAD 0                         ; int
   706  CHECK_INDEX
   707  KEY
   708  PUSH_INT 9
   710  KEY
   711  DUP
   712  SLOAD 0                         ; int
    .loc 0 153 32                       ; examples/compute_market.contract:153:32
   714  PUSH_INT 1
    .loc 0 153 9                        ; examples/compute_market.contract:153:9
   716  ADD
   717  SSTORE
    .loc 0 154 24                       ; examples/compute_market.contract:154:24
   718  LOAD 0                          ; job
    .loc 0 154 29                       ; examples/compute_market.contract:154:29
   720  CALLER
    .loc 0 154 41                       ; examples/compute_market.contract:154:41
   721  LOAD 1                          ; commitment
    .loc 0 154 9                        ; examples/compute_market.contract:154:9
   723  EMIT 2                          ; Committed
    .loc 0 143 55                       ; examples/compute_market.contract:143:55
   726  RET

.function 3 reveal(job: int, result_hash: bytes, salt: bytes) locals 4 pub
    .loc 0 160 21                       ; examples/compute_market.contract:160:21
   727  LOAD 0                          ; job
    .loc 0 160 9                        ; examples/compute_market.contract:160:9
   729  CALL 14                         ; require_job
    .loc 0 161 31                       ; examples/compute_market.contract:161:31
   732  LOAD 0                          ; job
    .loc 0 161 36                       ; examples/compute_market.contract:161:36
   734  CALLER
    .loc 0 161 20                       ; examples/compute_market.contract:161:20
   735  CALL 15                         ; seat_index
    .loc 0 161 9                        ; examples/compute_market.contract:161:9
   738  STORE 3
    .loc 0 162 17                       ; examples/compute_market.contract:162:17
   740  PUSH_CONST 6                    ; 0x00
    .loc 0 162 22                       ; examples/compute_market.contract:162:22
   743  LOAD 0                          ; job
    .loc 0 162 17                       ; examples/compute_market.contract:162:17
   745  OVER
   746  SLOAD 0                         ; int
   748  CHECK_INDEX
   749  KEY
   750  PUSH_INT 11
   752  KEY
   753  SLOAD 0                         ; int
    .loc 0 162 36                       ; examples/compute_market.contract:162:36
   755  PUSH_INT 0
    .loc 0 162 33                       ; examples/compute_market.contract:162:33
   757  EQ
    .loc 0 162 9                        ; examples/compute_market.contract:162:9
   758  JUMP_IF_TRUE L765
    .loc 0 162 42                       ; examples/compute_market.contract:162:42
   761  PUSH_CONST 8                    ; "job is settled"
    .loc 0 162 9                        ; examples/compute_market.contract:162:9
   764  REVERT
    .loc 0 163 29                       ; examples/compute_market.contract:163:29
L765:
   765  LOAD 0                          ; job
    .loc 0 163 17                       ; examples/compute_market.contract:163:17
   767  CALL 16                         ; reveal_open
    .loc 0 163 9                        ; examples/compute_market.contract:163:9
   770  JUMP_IF_TRUE L777
    .loc 0 163 35                       ; examples/compute_market.contract:163:35
   773  PUSH_CONST 20                   ; "reveal phase has not started"
    .loc 0 163 9                        ; examples/compute_market.contract:163:9
   776  REVERT
    .loc 0 164 17                       ; examples/compute_market.contract:164:17
L777:
   777  BLOCK_NUMBER
    .loc 0 164 33                       ; examples/compute_market.contract:164:33
   778  PUSH_CONST 6                    ; 0x00
    .loc 0 164 38                       ; examples/compute_market.contract:164:38
   781  LOAD 0                          ; job
    .loc 0 164 33                       ; examples/compute_market.contract:164:33
   783  OVER
   784  SLOAD 0                         ; int
   786  CHECK_INDEX
   787  KEY
   788  PUSH_INT 7
   790  KEY
   791  SLOAD 0                         ; int
    .loc 0 164 30                       ; examples/compute_market.contract:164:30
   793  LE
    .loc 0 164 9                        ; examples/compute_market.contract:164:9
   794  JUMP_IF_TRUE L801
    .loc 0 164 60                       ; examples/compute_market.contract:164:60
   797  PUSH_CONST 21                   ; "reveal phase is over"
    .loc 0 164 9                        ; examples/compute_market.contract:164:9
   800  REVERT
    .loc 0 165 21                       ; examples/compute_market.contract:165:21
L801:
   801  PUSH_CONST 15                   ; 0x01
    .loc 0 165 32                       ; examples/compute_market.contract:165:32
   804  LOAD 0                          ; job
    .loc 0 165 21                       ; examples/compute_market.contract:165:21
   806  KEY
    .loc 0 165 37                       ; examples/compute_market.contract:165:37
   807  LOAD 3
    .loc 0 165 21                       ; examples/compute_market.contract:165:21
   809  KEY
   810  PUSH_INT 1
   812  KEY
   813  SLOAD 3                         ; bytes
    .loc 0 165 17                       ; examples/compute_market.contract:165:17
   815  LEN
    .loc 0 165 57                       ; examples/compute_market.contract:165:57
   816  PUSH_INT 0
    .loc 0 165 55                       ; examples/compute_market.contract:165:55
   818  GT
    .loc 0 165 9                        ; examples/compute_market.contract:165:9
   819  JUMP_IF_TRUE L826
    .loc 0 165 60                       ; examples/compute_market.contract:165:60
   822  PUSH_CONST 22                   ; "nothing committed"
    .loc 0 165 9                        ; examples/compute_market.contract:165:9
   825  REVERT
    .loc 0 166 21                       ; examples/compute_market.contract:166:21
L826:
   826  PUSH_CONST 15                   ; 0x01
    .loc 0 166 32                       ; examples/compute_market.contract:166:32
   829  LOAD 0                          ; job
    .loc 0 166 21                       ; examples/compute_market.contract:166:21
   831  KEY
    .loc 0 166 37                       ; examples/compute_market.contract:166:37
   832  LOAD 3
    .loc 0 166 21                       ; examples/compute_market.contract:166:21
   834  KEY
   835  PUSH_INT 2
   837  KEY
   838  SLOAD 3                         ; bytes
    .loc 0 166 17                       ; examples/compute_market.contract:166:17
   840  LEN
    .loc 0 166 59                       ; examples/compute_market.contract:166:59
   841  PUSH_INT 0
    .loc 0 166 56                       ; examples/compute_market.contract:166:56
   843  EQ
    .loc 0 166 9                        ; examples/compute_market.contract:166:9
   844  JUMP_IF_TRUE L851
    .loc 0 166 62                       ; examples/compute_market.contract:166:62
   847  PUSH_CONST 23                   ; "already revealed"
    .loc 0 166 9                        ; examples/compute_market.contract:166:9
   850  REVERT
    .loc 0 167 30                       ; examples/compute_market.contract:167:30
L851:
   851  PUSH_CONST 15                   ; 0x01
    .loc 0 167 41                       ; examples/compute_market.contract:167:41
   854  LOAD 0                          ; job
    .loc 0 167 30                       ; examples/compute_market.contract:167:30
   856  KEY
    .loc 0 167 46                       ; examples/compute_market.contract:167:46
   857  LOAD 3
    .loc 0 167 30                       ; examples/compute_market.contract:167:30
   859  KEY
   860  PUSH_INT 1
   862  KEY
   863  SLOAD 3                         ; bytes
    .loc 0 167 64                       ; examples/compute_market.contract:167:64
   865  LOAD 1                          ; result_hash
    .loc 0 167 77                       ; examples/compute_market.contract:167:77
   867  LOAD 2                          ; salt
    .loc 0 167 17                       ; examples/compute_market.contract:167:17
   869  CALL 18                         ; commit.opens
    .loc 0 167 9                        ; examples/compute_market.contract:167:9
   872  JUMP_IF_TRUE L879
    .loc 0 168 17                       ; examples/compute_market.contract:168:17
   875  PUSH_CONST 24                   ; "reveal does not match commitment"
    .loc 0 167 9                        ; examples/compute_market.contract:167:9
   878  REVERT
    .loc 0 169 9                        ; examples/compute_market.contract:169:9
L879:
   879  PUSH_CONST 15                   ; 0x01
    .loc 0 169 20                       ; examples/compute_market.contract:169:20
   882  LOAD 0                          ; job
    .loc 0 169 9                        ; examples/compute_market.contract:169:9
   884  KEY
    .loc 0 169 25                       ; examples/compute_market.contract:169:25
   885  LOAD 3
    .loc 0 169 9                        ; examples/compute_market.contract:169:9
   887  KEY
   888  PUSH_INT 2
   890  KEY
    .loc 0 169 45                       ; examples/compute_market.contract:169:45
   891  LOAD 1                          ; result_hash
    .loc 0 169 9                        ; examples/compute_market.contract:169:9
   893  SSTORE
    .loc 0 170 9                        ; examples/compute_market.contract:170:9
   894  PUSH_CONST 6                    ; 0x00
    .loc 0 170 14                       ; examples/compute_market.contract:170:14
   897  LOAD 0                          ; job
    .loc 0 170 9                        ; examples/compute_market.contract:170:9
   899  OVER
   900  SLOAD 0                         ; int
   902  CHECK_INDEX
   903  KEY
   904  PUSH_INT 10
   906  KEY
   907  DUP
   908  SLOAD 0                         ; int
    .loc 0 170 31                       ; examples/compute_market.contract:170:31
   910  PUSH_INT 1
    .loc 0 170 9                        ; examples/compute_market.contract:170:9
   912  ADD
   913  SSTORE
    .loc 0 171 9                        ; examples/compute_market.contract:171:9
   914  PUSH_CONST 25                   ; 0x04
    .loc 0 171 18                       ; examples/compute_market.contract:171:18
   917  LOAD 0                          ; job
    .loc 0 171 9                        ; examples/compute_market.contract:171:9
   919  KEY
    .loc 0 171 23                       ; examples/compute_market.contract:171:23
   920  LOAD 1                          ; result_hash
    .loc 0 171 9                        ; examples/compute_market.contract:171:9
   922  KEY
   923  DUP
   924  SLOAD 0                         ; int
    .loc 0 171 39                       ; examples/compute_market.contract:171:39
   926  PUSH_INT 1
    .loc 0 171 9                        ; examples/compute_market.contract:171:9
   928  ADD
   929  SSTORE
    .loc 0 172 23                       ; examples/compute_market.contract:172:23
   930  LOAD 0                          ; job
    .loc 0 172 28                       ; examples/compute_market.contract:172:28
   932  CALLER
    .loc 0 172 40                       ; examples/compute_market.contract:172:40
   933  LOAD 1                          ; result_hash
    .loc 0 172 9                        ; examples/compute_market.contract:172:9
   935  EMIT 3                          ; Revealed
    .loc 0 174 12                       ; examples/compute_market.contract:174:12
   938  PUSH_CONST 25                   ; 0x04
    .loc 0 174 21                       ; examples/compute_market.contract:174:21
   941  LOAD 0                          ; job
    .loc 0 174 12                       ; examples/compute_market.contract:174:12
   943  KEY
    .loc 0 174 26                       ; examples/compute_market.contract:174:26
   944  LOAD 1                          ; result_hash
    .loc 0 174 12                       ; examples/compute_market.contract:174:12
   946  KEY
   947  SLOAD 0                         ; int
    .loc 0 174 42                       ; examples/compute_market.contract:174:42
   949  PUSH_CONST 6                    ; 0x00
    .loc 0 174 47                       ; examples/compute_market.contract:174:47
   952  LOAD 0                          ; job
    .loc 0 174 42                       ; examples/compute_market.contract:174:42
   954  OVER
   955  SLOAD 0                         ; int
   957  CHECK_INDEX
   958  KEY
   959  PUSH_INT 4
   961  KEY
   962  SLOAD 0                         ; int
    .loc 0 174 39                       ; examples/compute_market.contract:174:39
   964  EQ
    .loc 0 174 9                        ; examples/compute_market.contract:174:9
   965  JUMP_IF_FALSE L991
    .loc 0 175 13                       ; examples/compute_market.contract:175:13
   968  PUSH_CONST 6                    ; 0x00
    .loc 0 175 18                       ; examples/compute_market.contract:175:18
   971  LOAD 0                          ; job
    .loc 0 175 13                       ; examples/compute_market.contract:175:13
   973  OVER
   974  SLOAD 0                         ; int
   976  CHECK_INDEX
   977  KEY
   978  PUSH_INT 12
   980  KEY
    .loc 0 175 37                       ; examples/compute_market.contract:175:37
   981  LOAD 1                          ; result_hash
    .loc 0 175 13                       ; examples/compute_market.contract:175:13
   983  SSTORE
    .loc 0 176 32                       ; examples/compute_market.contract:176:32
   984  LOAD 0                          ; job
    .loc 0 176 37                       ; examples/compute_market.contract:176:37
   986  LOAD 1                          ; result_hash
    .loc 0 176 13                       ; examples/compute_market.contract:176:13
   988  EMIT 4                          ; QuorumReached
    .loc 0 159 62                       ; examples/compute_market.contract:159:62
L991:
   991  RET

.function 4 finalize(job: int) locals 11 pub
    .loc 0 182 21                       ; examples/compute_market.contract:182:21
   992  LOAD 0                          ; job
    .loc 0 182 9                        ; examples/compute_market.contract:182:9
   994  CALL 14                         ; require_job
    .loc 0 183 17                       ; examples/compute_market.contract:183:17
   997  PUSH_CONST 6                    ; 0x00
    .loc 0 183 22                       ; examples/compute_market.contract:183:22
  1000  LOAD 0                          ; job
    .loc 0 183 17                       ; examples/compute_market.contract:183:17
  1002  OVER
  1003  SLOAD 0                         ; int
  1005  CHECK_INDEX
  1006  KEY
  1007  PUSH_INT 11
  1009  KEY
  1010  SLOAD 0                         ; int
    .loc 0 183 36                       ; examples/compute_market.contract:183:36
  1012  PUSH_INT 0
    .loc 0 183 33                       ; examples/compute_market.contract:183:33
  1014  EQ
    .loc 0 183 9                        ; examples/compute_market.contract:183:9
  1015  JUMP_IF_TRUE L1022
    .loc 0 183 42                       ; examples/compute_market.contract:183:42
  1018  PUSH_CONST 8                    ; "job is settled"
    .loc 0 183 9                        ; examples/compute_market.contract:183:9
  1021  REVERT
    .loc 0 184 45                       ; examples/compute_market.contract:184:45
L1022:
  1022  LOAD 0                          ; job
    .loc 0 184 33                       ; examples/compute_market.contract:184:33
  1024  CALL 16                         ; reveal_open
    .loc 0 184 50                       ; examples/compute_market.contract:184:50
  1027  DUP
  1028  JUMP_IF_FALSE L1063
  1031  POP
    .loc 0 184 53                       ; examples/compute_market.contract:184:53
  1032  PUSH_CONST 6                    ; 0x00
    .loc 0 184 58                       ; examples/compute_market.contract:184:58
  1035  LOAD 0                          ; job
    .loc 0 184 53                       ; examples/compute_market.contract:184:53
  1037  OVER
  1038  SLOAD 0                         ; int
  1040  CHECK_INDEX
  1041  KEY
  1042  PUSH_INT 10
  1044  KEY
  1045  SLOAD 0                         ; int
    .loc 0 184 75                       ; examples/compute_market.contract:184:75
  1047  PUSH_CONST 6                    ; 0x00
    .loc 0 184 80                       ; examples/compute_market.contract:184:80
  1050  LOAD 0                          ; job
    .loc 0 184 75                       ; examples/compute_market.contract:184:75
  1052  OVER
  1053  SLOAD 0                         ; int
  1055  CHECK_INDEX
  1056  KEY
  1057  PUSH_INT 9
  1059  KEY
  1060  SLOAD 0                         ; int
    .loc 0 184 72                       ; examples/compute_market.contract:184:72
  1062  EQ
    .loc 0 184 9                        ; examples/compute_market.contract:184:9
L1063:
  1063  STORE 1
    .loc 0 185 17                       ; examples/compute_market.contract:185:17
  1065  BLOCK_NUMBER
    .loc 0 185 32                       ; examples/compute_market.contract:185:32
  1066  PUSH_CONST 6                    ; 0x00
    .loc 0 185 37                       ; examples/compute_market.contract:185:37
  1069  LOAD 0                          ; job
    .loc 0 185 32                       ; examples/compute_market.contract:185:32
  1071  OVER
  1072  SLOAD 0                         ; int
  1074  CHECK_INDEX
  1075  KEY
  1076  PUSH_INT 7
  1078  KEY
  1079  SLOAD 0                         ; int
    .loc 0 185 30                       ; examples/compute_market.contract:185:30
  1081  GT
    .loc 0 185 58                       ; examples/compute_market.contract:185:58
  1082  DUP
  1083  JUMP_IF_TRUE L1089
  1086  POP
    .loc 0 185 61                       ; examples/compute_market.contract:185:61
  1087  LOAD 1
    .loc 0 185 9                        ; examples/compute_market.contract:185:9
L1089:
  1089  JUMP_IF_TRUE L1096
    .loc 0 186 17                       ; examples/compute_market.contract:186:17
  1092  PUSH_CONST 26                   ; "reveal phase is not over"
    .loc 0 185 9                        ; examples/compute_market.contract:185:9
  1095  REVERT
    .loc 0 188 22                       ; examples/compute_market.contract:188:22
L1096:
  1096  PUSH_CONST 6                    ; 0x00
    .loc 0 188 27                       ; examples/compute_market.contract:188:27
  1099  LOAD 0                          ; job
    .loc 0 188 22                       ; examples/compute_market.contract:188:22
  1101  OVER
  1102  SLOAD 0                         ; int
  1104  CHECK_INDEX
  1105  KEY
  1106  PUSH_INT 0
  1108  KEY
  1109  SLOAD 2                         ; address
    .loc 0 188 9                        ; examples/compute_market.contract:188:9
  1111  STORE 2
    .loc 0 189 21                       ; examples/compute_market.contract:189:21
  1113  PUSH_CONST 6                    ; 0x00
    .loc 0 189 26                       ; examples/compute_market.contract:189:26
  1116  LOAD 0                          ; job
    .loc 0 189 21                       ; examples/compute_market.contract:189:21
  1118  OVER
  1119  SLOAD 0                         ; int
  1121  CHECK_INDEX
  1122  KEY
  1123  PUSH_INT 5
  1125  KEY
  1126  SLOAD 0                         ; int
    .loc 0 189 9                        ; examples/compute_market.contract:189:9
  1128  STORE 3
    .loc 0 190 22                       ; examples/compute_market.contract:190:22
  1130  PUSH_CONST 6                    ; 0x00
    .loc 0 190 27                       ; examples/compute_market.contract:190:27
  1133  LOAD 0                          ; job
    .loc 0 190 22                       ; examples/compute_market.contract:190:22
  1135  OVER
  1136  SLOAD 0                         ; int
  1138  CHECK_INDEX
  1139  KEY
  1140  PUSH_INT 12
  1142  KEY
  1143  SLOAD 3                         ; bytes
    .loc 0 190 9                        ; examples/compute_market.contract:190:9
  1145  STORE 4
    .loc 0 191 26                       ; examples/compute_market.contract:191:26
  1147  LOAD 4
    .loc 0 191 22                       ; examples/compute_market.contract:191:22
  1149  LEN
    .loc 0 191 36                       ; examples/compute_market.contract:191:36
  1150  PUSH_INT 0
    .loc 0 191 34                       ; examples/compute_market.contract:191:34
  1152  GT
    .loc 0 191 9                        ; examples/compute_market.contract:191:9
  1153  STORE 5
    .loc 0 192 21                       ; examples/compute_market.contract:192:21
  1155  PUSH_INT 0
    .loc 0 192 9                        ; examples/compute_market.contract:192:9
  1157  STORE 6
    .loc 0 193 12                       ; examples/compute_market.contract:193:12
  1159  LOAD 5
    .loc 0 193 9                        ; examples/compute_market.contract:193:9
  1161  JUMP_IF_FALSE L1253
    .loc 0 194 13                       ; examples/compute_market.contract:194:13
  1164  PUSH_CONST 6                    ; 0x00
    .loc 0 194 18                       ; examples/compute_market.contract:194:18
  1167  LOAD 0                          ; job
    .loc 0 194 13                       ; examples/compute_market.contract:194:13
  1169  OVER
  1170  SLOAD 0                         ; int
  1172  CHECK_INDEX
  1173  KEY
  1174  PUSH_INT 11
  1176  KEY
    .loc 0 194 31                       ; examples/compute_market.contract:194:31
  1177  PUSH_INT 1
    .loc 0 194 13                       ; examples/compute_market.contract:194:13
  1179  SSTORE
    .loc 0 195 21                       ; examples/compute_market.contract:195:21
  1180  PUSH_CONST 6                    ; 0x00
    .loc 0 195 26                       ; examples/compute_market.contract:195:26
  1183  LOAD 0                          ; job
    .loc 0 195 21                       ; examples/compute_market.contract:195:21
  1185  OVER
  1186  SLOAD 0                         ; int
  1188  CHECK_INDEX
  1189  KEY
  1190  PUSH_INT 1
  1192  KEY
  1193  SLOAD 0                         ; int
    .loc 0 195 41                       ; examples/compute_market.contract:195:41
  1195  PUSH_CONST 25                   ; 0x04
    .loc 0 195 50                       ; examples/compute_market.contract:195:50
  1198  LOAD 0                          ; job
    .loc 0 195 41                       ; examples/compute_market.contract:195:41
  1200  KEY
    .loc 0 195 55                       ; examples/compute_market.contract:195:55
  1201  LOAD 4
    .loc 0 195 41                       ; examples/compute_market.contract:195:41
  1203  KEY
  1204  SLOAD 0                         ; int
    .loc 0 195 39                       ; examples/compute_market.contract:195:39
  1206  DIV
    .loc 0 195 13                       ; examples/compute_market.contract:195:13
  1207  STORE 6
    .loc 0 197 13                       ; examples/compute_market.contract:197:13
  1209  PUSH_CONST 27                   ; 0x05
    .loc 0 197 21                       ; examples/compute_market.contract:197:21
  1212  LOAD 2
    .loc 0 197 13                       ; examples/compute_market.contract:197:13
  1214  KEY
  1215  DUP
  1216  SLOAD 0                         ; int
    .loc 0 197 32                       ; examples/compute_market.contract:197:32
  1218  PUSH_CONST 6                    ; 0x00
    .loc 0 197 37                       ; examples/compute_market.contract:197:37
  1221  LOAD 0                          ; job
    .loc 0 197 32                       ; examples/compute_market.contract:197:32
  1223  OVER
  1224  SLOAD 0                         ; int
  1226  CHECK_INDEX
  1227  KEY
  1228  PUSH_INT 1
  1230  KEY
  1231  SLOAD 0                         ; int
    .loc 0 197 52                       ; examples/compute_market.contract:197:52
  1233  LOAD 6
    .loc 0 197 60                       ; examples/compute_market.contract:197:60
  1235  PUSH_CONST 25                   ; 0x04
    .loc 0 197 69                       ; examples/compute_market.contract:197:69
  1238  LOAD 0                          ; job
    .loc 0 197 60                       ; examples/compute_market.contract:197:60
  1240  KEY
    .loc 0 197 74                       ; examples/compute_market.contract:197:74
  1241  LOAD 4
    .loc 0 197 60                       ; examples/compute_market.contract:197:60
  1243  KEY
  1244  SLOAD 0                         ; int
    .loc 0 197 58                       ; examples/compute_market.contract:197:58
  1246  MUL
    .loc 0 197 50                       ; examples/compute_market.contract:197:50
  1247  SUB
    .loc 0 197 13                       ; examples/compute_market.contract:197:13
  1248  ADD
  1249  SSTORE
    .loc 0 193 9                        ; examples/compute_market.contract:193:9
  1250  JUMP L1295
    .loc 0 199 13                       ; examples/compute_market.contract:199:13
L1253:
  1253  PUSH_CONST 6                    ; 0x00
    .loc 0 199 18                       ; examples/compute_market.contract:199:18
  1256  LOAD 0                          ; job
    .loc 0 199 13                       ; examples/compute_market.contract:199:13
  1258  OVER
  1259  SLOAD 0                         ; int
  1261  CHECK_INDEX
  1262  KEY
  1263  PUSH_INT 11
  1265  KEY
    .loc 0 199 31                       ; examples/compute_market.contract:199:31
  1266  PUSH_INT 2
    .loc 0 199 13                       ; examples/compute_market.contract:199:13
  1268  SSTORE
    .loc 0 200 13                       ; examples/compute_market.contract:200:13
  1269  PUSH_CONST 27                   ; 0x05
    .loc 0 200 21                       ; examples/compute_market.contract:200:21
  1272  LOAD 2
    .loc 0 200 13                       ; examples/compute_market.contract:200:13
  1274  KEY
  1275  DUP
  1276  SLOAD 0                         ; int
    .loc 0 200 32                       ; examples/compute_market.contract:200:32
  1278  PUSH_CONST 6                    ; 0x00
    .loc 0 200 37                       ; examples/compute_market.contract:200:37
  1281  LOAD 0                          ; job
    .loc 0 200 32                       ; examples/compute_market.contract:200:32
  1283  OVER
  1284  SLOAD 0                         ; int
  1286  CHECK_INDEX
  1287  KEY
  1288  PUSH_INT 1
  1290  KEY
  1291  SLOAD 0                         ; int
    .loc 0 200 13                       ; examples/compute_market.contract:200:13
  1293  ADD
  1294  SSTORE
    .loc 0 203 9                        ; examples/compute_market.contract:203:9
L1295:
  1295  PUSH_INT 0
  1297  STORE 7
    .loc 0 203 24                       ; examples/compute_market.contract:203:24
  1299  PUSH_CONST 6                    ; 0x00
    .loc 0 203 29                       ; examples/compute_market.contract:203:29
  1302  LOAD 0                          ; job
    .loc 0 203 24                       ; examples/compute_market.contract:203:24
  1304  OVER
  1305  SLOAD 0                         ; int
  1307  CHECK_INDEX
  1308  KEY
  1309  PUSH_INT 8
  1311  KEY
  1312  SLOAD 0                         ; int
    .loc 0 203 9                        ; examples/compute_market.contract:203:9
  1314  STORE 8
L1316:
  1316  LOAD 7
  1318  LOAD 8
  1320  LT
  1321  JUMP_IF_FALSE L1475
    .loc 0 204 26                       ; examples/compute_market.contract:204:26
  1324  PUSH_CONST 15                   ; 0x01
    .loc 0 204 37                       ; examples/compute_market.contract:204:37
  1327  LOAD 0                          ; job
    .loc 0 204 26                       ; examples/compute_market.contract:204:26
  1329  KEY
    .loc 0 204 42                       ; examples/compute_market.contract:204:42
  1330  LOAD 7
    .loc 0 204 26                       ; examples/compute_market.contract:204:26
  1332  KEY
  1333  PUSH_INT 0
  1335  KEY
  1336  SLOAD 2                         ; address
    .loc 0 204 13                       ; examples/compute_market.contract:204:13
  1338  STORE 9
    .loc 0 205 28                       ; examples/compute_market.contract:205:28
  1340  PUSH_CONST 15                   ; 0x01
    .loc 0 205 39                       ; examples/compute_market.contract:205:39
  1343  LOAD 0                          ; job
    .loc 0 205 28                       ; examples/compute_market.contract:205:28
  1345  KEY
    .loc 0 205 44                       ; examples/compute_market.contract:205:44
  1346  LOAD 7
    .loc 0 205 28                       ; examples/compute_market.contract:205:28
  1348  KEY
  1349  PUSH_INT 2
  1351  KEY
  1352  SLOAD 3                         ; bytes
    .loc 0 205 13                       ; examples/compute_market.contract:205:13
  1354  STORE 10
    .loc 0 206 16                       ; examples/compute_market.contract:206:16
  1356  LOAD 5
    .loc 0 206 23                       ; examples/compute_market.contract:206:23
  1358  DUP
  1359  JUMP_IF_FALSE L1368
  1362  POP
    .loc 0 206 26                       ; examples/compute_market.contract:206:26
  1363  LOAD 10
    .loc 0 206 38                       ; examples/compute_market.contract:206:38
  1365  LOAD 4
    .loc 0 206 35                       ; examples/compute_market.contract:206:35
  1367  EQ
    .loc 0 206 13                       ; examples/compute_market.contract:206:13
L1368:
  1368  JUMP_IF_FALSE L1401
    .loc 0 207 17                       ; examples/compute_market.contract:207:17
  1371  PUSH_CONST 27                   ; 0x05
    .loc 0 207 25                       ; examples/compute_market.contract:207:25
  1374  LOAD 9
    .loc 0 207 17                       ; examples/compute_market.contract:207:17
  1376  KEY
  1377  DUP
  1378  SLOAD 0                         ; int
    .loc 0 207 36                       ; examples/compute_market.contract:207:36
  1380  LOAD 6
    .loc 0 207 44                       ; examples/compute_market.contract:207:44
  1382  LOAD 3
    .loc 0 207 42                       ; examples/compute_market.contract:207:42
  1384  ADD
    .loc 0 207 17                       ; examples/compute_market.contract:207:17
  1385  ADD
  1386  SSTORE
    .loc 0 208 33                       ; examples/compute_market.contract:208:33
  1387  LOAD 0                          ; job
    .loc 0 208 38                       ; examples/compute_market.contract:208:38
  1389  LOAD 9
    .loc 0 208 46                       ; examples/compute_market.contract:208:46
  1391  LOAD 6
    .loc 0 208 53                       ; examples/compute_market.contract:208:53
  1393  LOAD 3
    .loc 0 208 17                       ; examples/compute_market.contract:208:17
  1395  EMIT 5                          ; WorkerPaid
    .loc 0 206 13                       ; examples/compute_market.contract:206:13
  1398  JUMP L1465
    .loc 0 209 24                       ; examples/compute_market.contract:209:24
L1401:
  1401  LOAD 5
    .loc 0 209 23                       ; examples/compute_market.contract:209:23
  1403  NOT
    .loc 0 209 31                       ; examples/compute_market.contract:209:31
  1404  DUP
  1405  JUMP_IF_FALSE L1415
  1408  POP
    .loc 0 209 38                       ; examples/compute_market.contract:209:38
  1409  LOAD 10
    .loc 0 209 34                       ; examples/compute_market.contract:209:34
  1411  LEN
    .loc 0 209 50                       ; examples/compute_market.contract:209:50
  1412  PUSH_INT 0
    .loc 0 209 48                       ; examples/compute_market.contract:209:48
  1414  GT
    .loc 0 209 20                       ; examples/compute_market.contract:209:20
L1415:
  1415  JUMP_IF_FALSE L1443
    .loc 0 210 17                       ; examples/compute_market.contract:210:17
  1418  PUSH_CONST 27                   ; 0x05
    .loc 0 210 25                       ; examples/compute_market.contract:210:25
  1421  LOAD 9
    .loc 0 210 17                       ; examples/compute_market.contract:210:17
  1423  KEY
  1424  DUP
  1425  SLOAD 0                         ; int
    .loc 0 210 36                       ; examples/compute_market.contract:210:36
  1427  LOAD 3
    .loc 0 210 17                       ; examples/compute_market.contract:210:17
  1429  ADD
  1430  SSTORE
    .loc 0 211 36                       ; examples/compute_market.contract:211:36
  1431  LOAD 0                          ; job
    .loc 0 211 41                       ; examples/compute_market.contract:211:41
  1433  LOAD 9
    .loc 0 211 49                       ; examples/compute_market.contract:211:49
  1435  LOAD 3
    .loc 0 211 17                       ; examples/compute_market.contract:211:17
  1437  EMIT 7                          ; StakeReturned
    .loc 0 209 20                       ; examples/compute_market.contract:209:20
  1440  JUMP L1465
    .loc 0 213 17                       ; examples/compute_market.contract:213:17
L1443:
  1443  PUSH_CONST 27                   ; 0x05
    .loc 0 213 25                       ; examples/compute_market.contract:213:25
  1446  LOAD 2
    .loc 0 213 17                       ; examples/compute_market.contract:213:17
  1448  KEY
  1449  DUP
  1450  SLOAD 0                         ; int
    .loc 0 213 36                       ; examples/compute_market.contract:213:36
  1452  LOAD 3
    .loc 0 213 17                       ; examples/compute_market.contract:213:17
  1454  ADD
  1455  SSTORE
    .loc 0 214 37                       ; examples/compute_market.contract:214:37
  1456  LOAD 0                          ; job
    .loc 0 214 42                       ; examples/compute_market.contract:214:42
  1458  LOAD 9
    .loc 0 214 50                       ; examples/compute_market.contract:214:50
  1460  LOAD 3
    .loc 0 214 17                       ; examples/compute_market.contract:214:17
  1462  EMIT 6                          ; StakeForfeited
    .loc 0 203 9                        ; examples/compute_market.contract:203:9
L1465:
  1465  LOAD 7
  1467  PUSH_INT 1
  1469  ADD
  1470  STORE 7
  1472  JUMP L1316
    .loc 0 218 12                       ; examples/compute_market.contract:218:12
L1475:
  1475  LOAD 5
    .loc 0 218 9                        ; examples/compute_market.contract:218:9
  1477  JUMP_IF_FALSE L1503
    .loc 0 219 26                       ; examples/compute_market.contract:219:26
  1480  LOAD 0                          ; job
    .loc 0 219 31                       ; examples/compute_market.contract:219:31
  1482  LOAD 4
    .loc 0 219 39                       ; examples/compute_market.contract:219:39
  1484  PUSH_CONST 25                   ; 0x04
    .loc 0 219 48                       ; examples/compute_market.contract:219:48
  1487  LOAD 0                          ; job
    .loc 0 219 39                       ; examples/compute_market.contract:219:39
  1489  KEY
    .loc 0 219 53                       ; examples/compute_market.contract:219:53
  1490  LOAD 4
    .loc 0 219 39                       ; examples/compute_market.contract:219:39
  1492  KEY
  1493  SLOAD 0                         ; int
    .loc 0 219 62                       ; examples/compute_market.contract:219:62
  1495  LOAD 6
    .loc 0 219 13                       ; examples/compute_market.contract:219:13
  1497  EMIT 8                          ; JobPaid
    .loc 0 218 9                        ; examples/compute_market.contract:218:9
  1500  JUMP L1523
    .loc 0 221 28                       ; examples/compute_market.contract:221:28
L1503:
  1503  LOAD 0                          ; job
    .loc 0 221 33                       ; examples/compute_market.contract:221:33
  1505  PUSH_CONST 6                    ; 0x00
    .loc 0 221 38                       ; examples/compute_market.contract:221:38
  1508  LOAD 0                          ; job
    .loc 0 221 33                       ; examples/compute_market.contract:221:33
  1510  OVER
  1511  SLOAD 0                         ; int
  1513  CHECK_INDEX
  1514  KEY
  1515  PUSH_INT 1
  1517  KEY
  1518  SLOAD 0                         ; int
    .loc 0 221 13                       ; examples/compute_market.contract:221:13
  1520  EMIT 9                          ; JobFailed
    .loc 0 181 31                       ; examples/compute_market.contract:181:31
L1523:
  1523  RET

.function 5 withdraw() -> int locals 1 pub
    .loc 0 227 22                       ; examples/compute_market.contract:227:22
  1524  PUSH_CONST 27                   ; 0x05
    .loc 0 227 30                       ; examples/compute_market.contract:227:30
  1527  CALLER
    .loc 0 227 22                       ; examples/compute_market.contract:227:22
  1528  KEY
  1529  SLOAD 0                         ; int
    .loc 0 227 9                        ; examples/compute_market.contract:227:9
  1531  STORE 0
    .loc 0 228 17                       ; examples/compute_market.contract:228:17
  1533  LOAD 0
    .loc 0 228 26                       ; examples/compute_market.contract:228:26
  1535  PUSH_INT 0
    .loc 0 228 24                       ; examples/compute_market.contract:228:24
  1537  GT
    .loc 0 228 9                        ; examples/compute_market.contract:228:9
  1538  JUMP_IF_TRUE L1545
    .loc 0 228 29                       ; examples/compute_market.contract:228:29
  1541  PUSH_CONST 28                   ; "nothing to withdraw"
    .loc 0 228 9                        ; examples/compute_market.contract:228:9
  1544  REVERT
    .loc 0 229 9                        ; examples/compute_market.contract:229:9
L1545:
  1545  PUSH_CONST 27                   ; 0x05
    .loc 0 229 17                       ; examples/compute_market.contract:229:17
  1548  CALLER
    .loc 0 229 9                        ; examples/compute_market.contract:229:9
  1549  KEY
    .loc 0 229 31                       ; examples/compute_market.contract:229:31
  1550  PUSH_INT 0
    .loc 0 229 9                        ; examples/compute_market.contract:229:9
  1552  SSTORE
    .loc 0 230 18                       ; examples/compute_market.contract:230:18
  1553  CALLER
    .loc 0 230 30                       ; examples/compute_market.contract:230:30
  1554  LOAD 0
    .loc 0 230 9                        ; examples/compute_market.contract:230:9
  1556  TRANSFER
    .loc 0 231 24                       ; examples/compute_market.contract:231:24
  1557  CALLER
    .loc 0 231 36                       ; examples/compute_market.contract:231:36
  1558  LOAD 0
    .loc 0 231 9                        ; examples/compute_market.contract:231:9
  1560  EMIT 10                         ; Withdrawn
    .loc 0 232 16                       ; examples/compute_market.contract:232:16
  1563  LOAD 0
    .loc 0 232 9                        ; examples/compute_market.contract:232:9
  1565  RET

.function 6 job_count() -> int locals 0 pub view
    .loc 0 236 20                       ; examples/compute_market.contract:236:20
  1566  PUSH_CONST 6                    ; 0x00
    .loc 0 236 16                       ; examples/compute_market.contract:236:16
  1569  SLOAD 0                         ; int
    .loc 0 236 9                        ; examples/compute_market.contract:236:9
  1571  RET

.function 7 get_job(job: int) -> Job{client: address, payment: int, input_hash: bytes, seats: int, quorum: int, stake: int, commit_deadline: int, reveal_deadline: int, joined: int, committed: int, revealed: int, state: int, result_hash: bytes} locals 2 pub view
    .loc 0 240 21                       ; examples/compute_market.contract:240:21
  1572  LOAD 0                          ; job
    .loc 0 240 9                        ; examples/compute_market.contract:240:9
  1574  CALL 14                         ; require_job
    .loc 0 241 16                       ; examples/compute_market.contract:241:16
  1577  PUSH_CONST 6                    ; 0x00
    .loc 0 241 21                       ; examples/compute_market.contract:241:21
  1580  LOAD 0                          ; job
    .loc 0 241 16                       ; examples/compute_market.contract:241:16
  1582  OVER
  1583  SLOAD 0                         ; int
  1585  CHECK_INDEX
  1586  KEY
  1587  STORE 1
  1589  LOAD 1
  1591  PUSH_INT 0
  1593  KEY
  1594  SLOAD 2                         ; address
  1596  LOAD 1
  1598  PUSH_INT 1
  1600  KEY
  1601  SLOAD 0                         ; int
  1603  LOAD 1
  1605  PUSH_INT 2
  1607  KEY
  1608  SLOAD 3                         ; bytes
  1610  LOAD 1
  1612  PUSH_INT 3
  1614  KEY
  1615  SLOAD 0                         ; int
  1617  LOAD 1
  1619  PUSH_INT 4
  1621  KEY
  1622  SLOAD 0                         ; int
  1624  LOAD 1
  1626  PUSH_INT 5
  1628  KEY
  1629  SLOAD 0                         ; int
  1631  LOAD 1
  1633  PUSH_INT 6
  1635  KEY
  1636  SLOAD 0                         ; int
  1638  LOAD 1
  1640  PUSH_INT 7
  1642  KEY
  1643  SLOAD 0                         ; int
  1645  LOAD 1
  1647  PUSH_INT 8
  1649  KEY
  1650  SLOAD 0                         ; int
  1652  LOAD 1
  1654  PUSH_INT 9
  1656  KEY
  1657  SLOAD 0                         ; int
  1659  LOAD 1
  1661  PUSH_INT 10
  1663  KEY
  1664  SLOAD 0                         ; int
  1666  LOAD 1
  1668  PUSH_INT 11
  1670  KEY
  1671  SLOAD 0                         ; int
  1673  LOAD 1
  1675  PUSH_INT 12
  1677  KEY
  1678  SLOAD 3                         ; bytes
  1680  MAKE_STRUCT 13
    .loc 0 241 9                        ; examples/compute_market.contract:241:9
  1682  RET

.function 8 job_state(job: int) -> int locals 1 pub view
    .loc 0 245 21                       ; examples/compute_market.contract:245:21
  1683  LOAD 0                          ; job
    .loc 0 245 9                        ; examples/compute_market.contract:245:9
  1685  CALL 14                         ; require_job
    .loc 0 246 16                       ; examples/compute_market.contract:246:16
  1688  PUSH_CONST 6                    ; 0x00
    .loc 0 246 21                       ; examples/compute_market.contract:246:21
  1691  LOAD 0                          ; job
    .loc 0 246 16                       ; examples/compute_market.contract:246:16
  1693  OVER
  1694  SLOAD 0                         ; int
  1696  CHECK_INDEX
  1697  KEY
  1698  PUSH_INT 11
  1700  KEY
  1701  SLOAD 0                         ; int
    .loc 0 246 9                        ; examples/compute_market.contract:246:9
  1703  RET

.function 9 job_result(job: int) -> bytes locals 1 pub view
    .loc 0 250 21                       ; examples/compute_market.contract:250:21
  1704  LOAD 0                          ; job
    .loc 0 250 9                        ; examples/compute_market.contract:250:9
  1706  CALL 14                         ; require_job
    .loc 0 251 16                       ; examples/compute_market.contract:251:16
  1709  PUSH_CONST 6                    ; 0x00
    .loc 0 251 21                       ; examples/compute_market.contract:251:21
  1712  LOAD 0                          ; job
    .loc 0 251 16                       ; examples/compute_market.contract:251:16
  1714  OVER
  1715  SLOAD 0                         ; int
  1717  CHECK_INDEX
  1718  KEY
  1719  PUSH_INT 12
  1721  KEY
  1722  SLOAD 3                         ; bytes
    .loc 0 251 9                        ; examples/compute_market.contract:251:9
  1724  RET

.function 10 get_seat(job: int, index: int) -> Seat{worker: address, commitment: bytes, result_hash: bytes} locals 3 pub view
    .loc 0 255 21                       ; examples/compute_market.contract:255:21
  1725  LOAD 0                          ; job
    .loc 0 255 9                        ; examples/compute_market.contract:255:9
  1727  CALL 14                         ; require_job
    .loc 0 256 17                       ; examples/compute_market.contract:256:17
  1730  LOAD 1                          ; index
    .loc 0 256 26                       ; examples/compute_market.contract:256:26
  1732  PUSH_INT 0
    .loc 0 256 23                       ; examples/compute_market.contract:256:23
  1734  GE
    .loc 0 256 28                       ; examples/compute_market.contract:256:28
  1735  DUP
  1736  JUMP_IF_FALSE L1758
  1739  POP
    .loc 0 256 31                       ; examples/compute_market.contract:256:31
  1740  LOAD 1                          ; index
    .loc 0 256 39                       ; examples/compute_market.contract:256:39
  1742  PUSH_CONST 6                    ; 0x00
    .loc 0 256 44                       ; examples/compute_market.contract:256:44
  1745  LOAD 0                          ; job
    .loc 0 256 39                       ; examples/compute_market.contract:256:39
  1747  OVER
  1748  SLOAD 0                         ; int
  1750  CHECK_INDEX
  1751  KEY
  1752  PUSH_INT 8
  1754  KEY
  1755  SLOAD 0                         ; int
    .loc 0 256 37                       ; examples/compute_market.contract:256:37
  1757  LT
    .loc 0 256 9                        ; examples/compute_market.contract:256:9
L1758:
  1758  JUMP_IF_TRUE L1765
    .loc 0 256 57                       ; examples/compute_market.contract:256:57
  1761  PUSH_CONST 29                   ; "no such seat"
    .loc 0 256 9                        ; examples/compute_market.contract:256:9
  1764  REVERT
    .loc 0 257 16                       ; examples/compute_market.contract:257:16
L1765:
  1765  PUSH_CONST 15                   ; 0x01
    .loc 0 257 27                       ; examples/compute_market.contract:257:27
  1768  LOAD 0                          ; job
    .loc 0 257 16                       ; examples/compute_market.contract:257:16
  1770  KEY
    .loc 0 257 32                       ; examples/compute_market.contract:257:32
  1771  LOAD 1                          ; index
    .loc 0 257 16                       ; examples/compute_market.contract:257:16
  1773  KEY
  1774  STORE 2
  1776  LOAD 2
  1778  PUSH_INT 0
  1780  KEY
  1781  SLOAD 2                         ; address
  1783  LOAD 2
  1785  PUSH_INT 1
  1787  KEY
  1788  SLOAD 3                         ; bytes
  1790  LOAD 2
  1792  PUSH_INT 2
  1794  KEY
  1795  SLOAD 3                         ; bytes
  1797  MAKE_STRUCT 3
    .loc 0 257 9                        ; examples/compute_market.contract:257:9
  1799  RET

.function 11 credit_of(who: address) -> int locals 1 pub view
    .loc 0 261 16                       ; examples/compute_market.contract:261:16
  1800  PUSH_CONST 27                   ; 0x05
    .loc 0 261 24                       ; examples/compute_market.contract:261:24
  1803  LOAD 0                          ; who
    .loc 0 261 16                       ; examples/compute_market.contract:261:16
  1805  KEY
  1806  SLOAD 0                         ; int
    .loc 0 261 9                        ; examples/compute_market.contract:261:9
  1808  RET

.function 12 is_reveal_open(job: int) -> bool locals 1 pub view
    .loc 0 265 21                       ; examples/compute_market.contract:265:21
  1809  LOAD 0                          ; job
    .loc 0 265 9                        ; examples/compute_market.contract:265:9
  1811  CALL 14                         ; require_job
    .loc 0 266 28                       ; examples/compute_market.contract:266:28
  1814  LOAD 0                          ; job
    .loc 0 266 16                       ; examples/compute_market.contract:266:16
  1816  CALL 16                         ; reveal_open
    .loc 0 266 9                        ; examples/compute_market.contract:266:9
  1819  RET

.function 13 commitment_for(result_hash: bytes, salt: bytes) -> bytes locals 2 pub view
    .loc 0 273 28                       ; examples/compute_market.contract:273:28
  1820  LOAD 0                          ; result_hash
    .loc 0 273 41                       ; examples/compute_market.contract:273:41
  1822  LOAD 1                          ; salt
    .loc 0 273 16                       ; examples/compute_market.contract:273:16
  1824  CALL 19                         ; commit.seal
    .loc 0 273 9                        ; examples/compute_market.contract:273:9
  1827  RET

.function 14 require_job(job: int) locals 1
    .loc 0 277 17                       ; examples/compute_market.contract:277:17
  1828  LOAD 0                          ; job
    .loc 0 277 24                       ; examples/compute_market.contract:277:24
  1830  PUSH_INT 0
    .loc 0 277 21                       ; examples/compute_market.contract:277:21
  1832  GE
    .loc 0 277 26                       ; examples/compute_market.contract:277:26
  1833  DUP
  1834  JUMP_IF_FALSE L1846
  1837  POP
    .loc 0 277 29                       ; examples/compute_market.contract:277:29
  1838  LOAD 0                          ; job
    .loc 0 277 39                       ; examples/compute_market.contract:277:39
  1840  PUSH_CONST 6                    ; 0x00
    .loc 0 277 35                       ; examples/compute_market.contract:277:35
  1843  SLOAD 0                         ; int
    .loc 0 277 33                       ; examples/compute_market.contract:277:33
  1845  LT
    .loc 0 277 9                        ; examples/compute_market.contract:277:9
L1846:
  1846  JUMP_IF_TRUE L1853
    .loc 0 277 46                       ; examples/compute_market.contract:277:46
  1849  PUSH_CONST 30                   ; "no such job"
    .loc 0 277 9                        ; examples/compute_market.contract:277:9
  1852  REVERT
    .loc 0 276 30                       ; examples/compute_market.contract:276:30
L1853:
  1853  RET

.function 15 seat_index(job: int, worker: address) -> int locals 3
    .loc 0 282 21                       ; examples/compute_market.contract:282:21
  1854  PUSH_CONST 11                   ; 0x02
    .loc 0 282 29                       ; examples/compute_market.contract:282:29
  1857  LOAD 0                          ; job
    .loc 0 282 21                       ; examples/compute_market.contract:282:21
  1859  KEY
    .loc 0 282 34                       ; examples/compute_market.contract:282:34
  1860  LOAD 1                          ; worker
    .loc 0 282 21                       ; examples/compute_market.contract:282:21
  1862  KEY
  1863  SLOAD 0                         ; int
    .loc 0 282 9                        ; examples/compute_market.contract:282:9
  1865  STORE 2
    .loc 0 283 17                       ; examples/compute_market.contract:283:17
  1867  LOAD 2
    .loc 0 283 25                       ; examples/compute_market.contract:283:25
  1869  PUSH_INT 0
    .loc 0 283 23                       ; examples/compute_market.contract:283:23
  1871  GT
    .loc 0 283 9                        ; examples/compute_market.contract:283:9
  1872  JUMP_IF_TRUE L1879
    .loc 0 283 28                       ; examples/compute_market.contract:283:28
  1875  PUSH_CONST 31                   ; "not a worker on this job"
    .loc 0 283 9                        ; examples/compute_market.contract:283:9
  1878  REVERT
    .loc 0 284 16                       ; examples/compute_market.contract:284:16
L1879:
  1879  LOAD 2
    .loc 0 284 24                       ; examples/compute_market.contract:284:24
  1881  PUSH_INT 1
    .loc 0 284 22                       ; examples/compute_market.contract:284:22
  1883  SUB
    .loc 0 284 9                        ; examples/compute_market.contract:284:9
  1884  RET

.function 16 reveal_open(job: int) -> bool locals 1
    .loc 0 290 16                       ; examples/compute_market.contract:290:16
  1885  BLOCK_NUMBER
    .loc 0 290 31                       ; examples/compute_market.contract:290:31
  1886  PUSH_CONST 6                    ; 0x00
    .loc 0 290 36                       ; examples/compute_market.contract:290:36
  1889  LOAD 0                          ; job
    .loc 0 290 31                       ; examples/compute_market.contract:290:31
  1891  OVER
  1892  SLOAD 0                         ; int
  1894  CHECK_INDEX
  1895  KEY
  1896  PUSH_INT 6
  1898  KEY
  1899  SLOAD 0                         ; int
    .loc 0 290 29                       ; examples/compute_market.contract:290:29
  1901  GT
    .loc 0 291 13                       ; examples/compute_market.contract:291:13
  1902  DUP
  1903  JUMP_IF_TRUE L1938
  1906  POP
    .loc 0 291 16                       ; examples/compute_market.contract:291:16
  1907  PUSH_CONST 6                    ; 0x00
    .loc 0 291 21                       ; examples/compute_market.contract:291:21
  1910  LOAD 0                          ; job
    .loc 0 291 16                       ; examples/compute_market.contract:291:16
  1912  OVER
  1913  SLOAD 0                         ; int
  1915  CHECK_INDEX
  1916  KEY
  1917  PUSH_INT 9
  1919  KEY
  1920  SLOAD 0                         ; int
    .loc 0 291 39                       ; examples/compute_market.contract:291:39
  1922  PUSH_CONST 6                    ; 0x00
    .loc 0 291 44                       ; examples/compute_market.contract:291:44
  1925  LOAD 0                          ; job
    .loc 0 291 39                       ; examples/compute_market.contract:291:39
  1927  OVER
  1928  SLOAD 0                         ; int
  1930  CHECK_INDEX
  1931  KEY
  1932  PUSH_INT 3
  1934  KEY
  1935  SLOAD 0                         ; int
    .loc 0 291 36                       ; examples/compute_market.contract:291:36
  1937  EQ
    .loc 0 290 9                        ; examples/compute_market.contract:290:9
L1938:
  1938  RET

.function 17 commit.is_hash(b: bytes) -> bool locals 1
    .loc 1 28 16                        ; stdlib/commit.contract:28:16
  1939  LOAD 0                          ; b
    .loc 1 28 12                        ; stdlib/commit.contract:28:12
  1941  LEN
    .loc 1 28 22                        ; stdlib/commit.contract:28:22
  1942  PUSH_INT 32
    .loc 1 28 19                        ; stdlib/commit.contract:28:19
  1944  EQ
    .loc 1 28 5                         ; stdlib/commit.contract:28:5
  1945  RET

.function 18 commit.opens(sealed: bytes, value: bytes, salt: bytes) -> bool locals 3
    .loc 1 21 12                        ; stdlib/commit.contract:21:12
  1946  LOAD 1                          ; value
    .loc 1 21 8                         ; stdlib/commit.contract:21:8
  1948  LEN
    .loc 1 21 22                        ; stdlib/commit.contract:21:22
  1949  PUSH_INT 32
    .loc 1 21 19                        ; stdlib/commit.contract:21:19
  1951  NE
    .loc 1 21 25                        ; stdlib/commit.contract:21:25
  1952  DUP
  1953  JUMP_IF_TRUE L1963
  1956  POP
    .loc 1 21 32                        ; stdlib/commit.contract:21:32
  1957  LOAD 2                          ; salt
    .loc 1 21 28                        ; stdlib/commit.contract:21:28
  1959  LEN
    .loc 1 21 40                        ; stdlib/commit.contract:21:40
  1960  PUSH_INT 16
    .loc 1 21 38                        ; stdlib/commit.contract:21:38
  1962  LT
    .loc 1 21 5                         ; stdlib/commit.contract:21:5
L1963:
  1963  JUMP_IF_FALSE L1968
    .loc 1 22 16                        ; stdlib/commit.contract:22:16
  1966  PUSH_FALSE
    .loc 1 22 9                         ; stdlib/commit.contract:22:9
  1967  RET
    .loc 1 24 19                        ; stdlib/commit.contract:24:19
L1968:
  1968  LOAD 1                          ; value
    .loc 1 24 27                        ; stdlib/commit.contract:24:27
  1970  LOAD 2                          ; salt
    .loc 1 24 25                        ; stdlib/commit.contract:24:25
  1972  CONCAT
    .loc 1 24 12                        ; stdlib/commit.contract:24:12
  1973  SHA256
    .loc 1 24 36                        ; stdlib/commit.contract:24:36
  1974  LOAD 0                          ; sealed
    .loc 1 24 33                        ; stdlib/commit.contract:24:33
  1976  EQ
    .loc 1 24 5                         ; stdlib/commit.contract:24:5
  1977  RET

.function 19 commit.seal(value: bytes, salt: bytes) -> bytes locals 2
    .loc 1 17 19                        ; stdlib/commit.contract:17:19
  1978  LOAD 0                          ; value
    .loc 1 17 27                        ; stdlib/commit.contract:17:27
  1980  LOAD 1                          ; salt
    .loc 1 17 25                        ; stdlib/commit.contract:17:25
  1982  CONCAT
    .loc 1 17 12                        ; stdlib/commit.contract:17:12
  1983  SHA256
    .loc 1 17 5                         ; stdlib/commit.contract:17:5
  1984  RET
