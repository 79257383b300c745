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
.event 11 WorkerAnnounced(worker: address, enc_key: bytes, runner: bytes, min_payment: int)
.event 12 WorkerRetired(worker: address, runner: bytes)
.event 13 SealedJob(job: int, runner: bytes, input_blob: bytes, client_key: bytes)
.event 14 KeyPublished(job: int, seat: int, worker: address, wrapped_key: bytes)
.event 15 ResultDelivered(job: int, worker: address, result_blob: bytes)
.const 0 bytes 0x
.const 1 string "runner id must be 32 bytes"
.const 2 string "input blob hash must be 32 bytes"
.const 3 string "client key must be 32 bytes"
.const 4 string "a job needs a payment"
.const 5 string "input hash must be 32 bytes"
.const 6 string "seats out of range"
.const 7 string "quorum must be a majority of the seats"
.const 8 string "stake must be positive"
.const 9 string "phases must last at least one block"
.const 10 bytes 0x00
.const 11 string "encryption key must be 32 bytes"
.const 12 string "minimum payment must not be negative"
.const 13 bytes 0x06
.const 14 bytes 0x07
.const 15 bytes 0x09
.const 16 bytes 0x08
.const 17 string "no such offer"
.const 18 string "job is settled"
.const 19 string "commit phase is over"
.const 20 string "the client cannot work on its own job"
.const 21 bytes 0x02
.const 22 string "already joined"
.const 23 string "no free seat"
.const 24 string "stake must equal the job's stake"
.const 25 string "announce an encryption key first"
.const 26 bytes 0x01
.const 27 string "only the client publishes keys"
.const 28 string "not a sealed job"
.const 29 string "no such seat"
.const 30 string "wrapped key must be 93 bytes"
.const 31 string "key already published"
.const 32 string "commitment must be 32 bytes"
.const 33 string "already committed"
.const 34 bytes 0x03
.const 35 string "commitment already used"
.const 36 string "reveal phase has not started"
.const 37 string "reveal phase is over"
.const 38 string "nothing committed"
.const 39 string "already revealed"
.const 40 string "reveal does not match commitment"
.const 41 bytes 0x04
.const 42 string "reveal first"
.const 43 string "result blob hash must be 32 bytes"
.const 44 string "already delivered"
.const 45 string "reveal phase is not over"
.const 46 bytes 0x05
.const 47 string "nothing to withdraw"
.const 48 string "no such worker"
.const 49 string "no such job"
.const 50 string "not a worker on this job"

.function 0 post_job(input_hash: bytes, seats: int, quorum: int, stake: int, commit_blocks: int, reveal_blocks: int) -> int locals 6 pub payable
    .loc 0 127 25                       ; examples/compute_market.contract:127:25
     0  LOAD 0                          ; input_hash
    .loc 0 127 37                       ; examples/compute_market.contract:127:37
     2  LOAD 1                          ; seats
    .loc 0 127 44                       ; examples/compute_market.contract:127:44
     4  LOAD 2                          ; quorum
    .loc 0 127 52                       ; examples/compute_market.contract:127:52
     6  LOAD 3                          ; stake
    .loc 0 127 59                       ; examples/compute_market.contract:127:59
     8  LOAD 4                          ; commit_blocks
    .loc 0 127 74                       ; examples/compute_market.contract:127:74
    10  LOAD 5                          ; reveal_blocks
    .loc 0 127 89                       ; examples/compute_market.contract:127:89
    12  PUSH_CONST 0                    ; 0x
    .loc 0 127 94                       ; examples/compute_market.contract:127:94
    15  PUSH_CONST 0                    ; 0x
    .loc 0 127 99                       ; examples/compute_market.contract:127:99
    18  PUSH_CONST 0                    ; 0x
    .loc 0 127 16                       ; examples/compute_market.contract:127:16
    21  CALL 2                          ; open_job
    .loc 0 127 9                        ; examples/compute_market.contract:127:9
    24  RET

.function 1 post_sealed_job(runner: bytes, input_hash: bytes, input_blob: bytes, client_key: bytes, seats: int, quorum: int, stake: int, commit_blocks: int, reveal_blocks: int) -> int locals 10 pub payable
    .loc 0 135 32                       ; examples/compute_market.contract:135:32
    25  LOAD 0                          ; runner
    .loc 0 135 17                       ; examples/compute_market.contract:135:17
    27  CALL 27                         ; commit.is_hash
    .loc 0 135 9                        ; examples/compute_market.contract:135:9
    30  JUMP_IF_TRUE L37
    .loc 0 135 41                       ; examples/compute_market.contract:135:41
    33  PUSH_CONST 1                    ; "runner id must be 32 bytes"
    .loc 0 135 9                        ; examples/compute_market.contract:135:9
    36  REVERT
    .loc 0 136 32                       ; examples/compute_market.contract:136:32
L37:
    37  LOAD 2                          ; input_blob
    .loc 0 136 17                       ; examples/compute_market.contract:136:17
    39  CALL 27                         ; commit.is_hash
    .loc 0 136 9                        ; examples/compute_market.contract:136:9
    42  JUMP_IF_TRUE L49
    .loc 0 136 45                       ; examples/compute_market.contract:136:45
    45  PUSH_CONST 2                    ; "input blob hash must be 32 bytes"
    .loc 0 136 9                        ; examples/compute_market.contract:136:9
    48  REVERT
    .loc 0 137 21                       ; examples/compute_market.contract:137:21
L49:
    49  LOAD 3                          ; client_key
    .loc 0 137 17                       ; examples/compute_market.contract:137:17
    51  LEN
    .loc 0 137 36                       ; examples/compute_market.contract:137:36
    52  PUSH_INT 32
    .loc 0 137 33                       ; examples/compute_market.contract:137:33
    54  EQ
    .loc 0 137 9                        ; examples/compute_market.contract:137:9
    55  JUMP_IF_TRUE L62
    .loc 0 137 46                       ; examples/compute_market.contract:137:46
    58  PUSH_CONST 3                    ; "client key must be 32 bytes"
    .loc 0 137 9                        ; examples/compute_market.contract:137:9
    61  REVERT
    .loc 0 138 27                       ; examples/compute_market.contract:138:27
L62:
    62  LOAD 1                          ; input_hash
    .loc 0 138 39                       ; examples/compute_market.contract:138:39
    64  LOAD 4                          ; seats
    .loc 0 138 46                       ; examples/compute_market.contract:138:46
    66  LOAD 5                          ; quorum
    .loc 0 138 54                       ; examples/compute_market.contract:138:54
    68  LOAD 6                          ; stake
    .loc 0 138 61                       ; examples/compute_market.contract:138:61
    70  LOAD 7                          ; commit_blocks
    .loc 0 138 76                       ; examples/compute_market.contract:138:76
    72  LOAD 8                          ; reveal_blocks
    .loc 0 139 27                       ; examples/compute_market.contract:139:27
    74  LOAD 0                          ; runner
    .loc 0 139 35                       ; examples/compute_market.contract:139:35
    76  LOAD 2                          ; input_blob
    .loc 0 139 47                       ; examples/compute_market.contract:139:47
    78  LOAD 3                          ; client_key
    .loc 0 138 18                       ; examples/compute_market.contract:138:18
    80  CALL 2                          ; open_job
    .loc 0 138 9                        ; examples/compute_market.contract:138:9
    83  STORE 9
    .loc 0 140 24                       ; examples/compute_market.contract:140:24
    85  LOAD 9
    .loc 0 140 28                       ; examples/compute_market.contract:140:28
    87  LOAD 0                          ; runner
    .loc 0 140 36                       ; examples/compute_market.contract:140:36
    89  LOAD 2                          ; input_blob
    .loc 0 140 48                       ; examples/compute_market.contract:140:48
    91  LOAD 3                          ; client_key
    .loc 0 140 9                        ; examples/compute_market.contract:140:9
    93  EMIT 13                         ; SealedJob
    .loc 0 141 16                       ; examples/compute_market.contract:141:16
    96  LOAD 9
    .loc 0 141 9                        ; examples/compute_market.contract:141:9
    98  RET

.function 2 open_job(input_hash: bytes, seats: int, quorum: int, stake: int, commit_blocks: int, reveal_blocks: int, runner: bytes, input_blob: bytes, client_key: bytes) -> int locals 15
    .loc 0 146 17                       ; examples/compute_market.contract:146:17
    99  CALLVALUE
    .loc 0 146 29                       ; examples/compute_market.contract:146:29
   100  PUSH_INT 0
    .loc 0 146 27                       ; examples/compute_market.contract:146:27
   102  GT
    .loc 0 146 9                        ; examples/compute_market.contract:146:9
   103  JUMP_IF_TRUE L110
    .loc 0 146 32                       ; examples/compute_market.contract:146:32
   106  PUSH_CONST 4                    ; "a job needs a payment"
    .loc 0 146 9                        ; examples/compute_market.contract:146:9
   109  REVERT
    .loc 0 147 32                       ; examples/compute_market.contract:147:32
L110:
   110  LOAD 0                          ; input_hash
    .loc 0 147 17                       ; examples/compute_market.contract:147:17
   112  CALL 27                         ; commit.is_hash
    .loc 0 147 9                        ; examples/compute_market.contract:147:9
   115  JUMP_IF_TRUE L122
    .loc 0 147 45                       ; examples/compute_market.contract:147:45
   118  PUSH_CONST 5                    ; "input hash must be 32 bytes"
    .loc 0 147 9                        ; examples/compute_market.contract:147:9
   121  REVERT
    .loc 0 148 17                       ; examples/compute_market.contract:148:17
L122:
   122  LOAD 1                          ; seats
    .loc 0 148 25                       ; examples/compute_market.contract:148:25
   124  PUSH_INT 0
    .loc 0 148 23                       ; examples/compute_market.contract:148:23
   126  GT
    .loc 0 148 27                       ; examples/compute_market.contract:148:27
   127  DUP
   128  JUMP_IF_FALSE L137
   131  POP
    .loc 0 148 30                       ; examples/compute_market.contract:148:30
   132  LOAD 1                          ; seats
    .loc 0 148 39                       ; examples/compute_market.contract:148:39
   134  PUSH_INT 16
    .loc 0 148 36                       ; examples/compute_market.contract:148:36
   136  LE
    .loc 0 148 9                        ; examples/compute_market.contract:148:9
L137:
   137  JUMP_IF_TRUE L144
    .loc 0 148 50                       ; examples/compute_market.contract:148:50
   140  PUSH_CONST 6                    ; "seats out of range"
    .loc 0 148 9                        ; examples/compute_market.contract:148:9
   143  REVERT
    .loc 0 151 17                       ; examples/compute_market.contract:151:17
L144:
   144  LOAD 2                          ; quorum
    .loc 0 151 27                       ; examples/compute_market.contract:151:27
   146  LOAD 1                          ; seats
    .loc 0 151 24                       ; examples/compute_market.contract:151:24
   148  LE
    .loc 0 151 33                       ; examples/compute_market.contract:151:33
   149  DUP
   150  JUMP_IF_FALSE L162
   153  POP
    .loc 0 151 36                       ; examples/compute_market.contract:151:36
   154  LOAD 2                          ; quorum
    .loc 0 151 45                       ; examples/compute_market.contract:151:45
   156  PUSH_INT 2
    .loc 0 151 43                       ; examples/compute_market.contract:151:43
   158  MUL
    .loc 0 151 49                       ; examples/compute_market.contract:151:49
   159  LOAD 1                          ; seats
    .loc 0 151 47                       ; examples/compute_market.contract:151:47
   161  GT
    .loc 0 151 9                        ; examples/compute_market.contract:151:9
L162:
   162  JUMP_IF_TRUE L169
    .loc 0 151 56                       ; examples/compute_market.contract:151:56
   165  PUSH_CONST 7                    ; "quorum must be a majority of the seats"
    .loc 0 151 9                        ; examples/compute_market.contract:151:9
   168  REVERT
    .loc 0 152 17                       ; examples/compute_market.contract:152:17
L169:
   169  LOAD 3                          ; stake
    .loc 0 152 25                       ; examples/compute_market.contract:152:25
   171  PUSH_INT 0
    .loc 0 152 23                       ; examples/compute_market.contract:152:23
   173  GT
    .loc 0 152 9                        ; examples/compute_market.contract:152:9
   174  JUMP_IF_TRUE L181
    .loc 0 152 28                       ; examples/compute_market.contract:152:28
   177  PUSH_CONST 8                    ; "stake must be positive"
    .loc 0 152 9                        ; examples/compute_market.contract:152:9
   180  REVERT
    .loc 0 153 17                       ; examples/compute_market.contract:153:17
L181:
   181  LOAD 4                          ; commit_blocks
    .loc 0 153 33                       ; examples/compute_market.contract:153:33
   183  PUSH_INT 0
    .loc 0 153 31                       ; examples/compute_market.contract:153:31
   185  GT
    .loc 0 153 35                       ; examples/compute_market.contract:153:35
   186  DUP
   187  JUMP_IF_FALSE L196
   190  POP
    .loc 0 153 38                       ; examples/compute_market.contract:153:38
   191  LOAD 5                          ; reveal_blocks
    .loc 0 153 54                       ; examples/compute_market.contract:153:54
   193  PUSH_INT 0
    .loc 0 153 52                       ; examples/compute_market.contract:153:52
   195  GT
    .loc 0 153 9                        ; examples/compute_market.contract:153:9
L196:
   196  JUMP_IF_TRUE L203
    .loc 0 153 57                       ; examples/compute_market.contract:153:57
   199  PUSH_CONST 9                    ; "phases must last at least one block"
    .loc 0 153 9                        ; examples/compute_market.contract:153:9
   202  REVERT
    .loc 0 154 22                       ; examples/compute_market.contract:154:22
L203:
   203  PUSH_CONST 10                   ; 0x00
    .loc 0 154 18                       ; examples/compute_market.contract:154:18
   206  SLOAD 0                         ; int
    .loc 0 154 9                        ; examples/compute_market.contract:154:9
   208  STORE 9
    .loc 0 155 31                       ; examples/compute_market.contract:155:31
   210  BLOCK_NUMBER
    .loc 0 155 46                       ; examples/compute_market.contract:155:46
   211  LOAD 4                          ; commit_blocks
    .loc 0 155 44                       ; examples/compute_market.contract:155:44
   213  ADD
    .loc 0 155 9                        ; examples/compute_market.contract:155:9
   214  STORE 10
    .loc 0 156 9                        ; examples/compute_market.contract:156:9
   216  PUSH_CONST 10                   ; 0x00
   219  STORE 11
   221  LOAD 11
   223  SLOAD 0                         ; int
   225  STORE 12
   227  LOAD 11
   229  LOAD 12
   231  KEY
    .loc 0 157 21                       ; examples/compute_market.contract:157:21
   232  CALLER
    .loc 0 158 22                       ; examples/compute_market.contract:158:22
   233  CALLVALUE
    .loc 0 159 25                       ; examples/compute_market.contract:159:25
   234  LOAD 0                          ; input_hash
    .loc 0 160 20                       ; examples/compute_market.contract:160:20
   236  LOAD 1                          ; seats
    .loc 0 161 21                       ; examples/compute_market.contract:161:21
   238  LOAD 2                          ; quorum
    .loc 0 162 20                       ; examples/compute_market.contract:162:20
   240  LOAD 3                          ; stake
    .loc 0 163 30                       ; examples/compute_market.contract:163:30
   242  LOAD 10
    .loc 0 164 30                       ; examples/compute_market.contract:164:30
   244  LOAD 10
    .loc 0 164 48                       ; examples/compute_market.contract:164:48
   246  LOAD 5                          ; reveal_blocks
    .loc 0 164 46                       ; examples/compute_market.contract:164:46
   248  ADD
    .loc 0 165 21                       ; examples/compute_market.contract:165:21
   249  PUSH_INT 0
    .loc 0 166 24                       ; examples/compute_market.contract:166:24
   251  PUSH_INT 0
    .loc 0 167 23                       ; examples/compute_market.contract:167:23
   253  PUSH_INT 0
    .loc 0 168 20                       ; examples/compute_market.contract:168:20
   255  PUSH_INT 0
    .loc 0 169 26                       ; examples/compute_market.contract:169:26
   257  PUSH_CONST 0                    ; 0x
    .loc 0 170 21                       ; examples/compute_market.contract:170:21
   260  LOAD 6                          ; runner
    .loc 0 171 25                       ; examples/compute_market.contract:171:25
   262  LOAD 7                          ; input_blob
    .loc 0 172 25                       ; examples/compute_market.contract:172:25
   264  LOAD 8                          ; client_key
    .loc 0 156 19                       ; examples/compute_market.contract:156:19
   266  MAKE_STRUCT 16
    .loc 0 156 9                        ; examples/compute_market.contract:156:9
   268  STORE 13
   270  STORE 14
   272  LOAD 14
   274  PUSH_INT 0
   276  KEY
   277  LOAD 13
   279  GET_FIELD 0
   281  SSTORE
   282  LOAD 14
   284  PUSH_INT 1
   286  KEY
   287  LOAD 13
   289  GET_FIELD 1
   291  SSTORE
   292  LOAD 14
   294  PUSH_INT 2
   296  KEY
   297  LOAD 13
   299  GET_FIELD 2
   301  SSTORE
   302  LOAD 14
   304  PUSH_INT 3
   306  KEY
   307  LOAD 13
   309  GET_FIELD 3
   311  SSTORE
   312  LOAD 14
   314  PUSH_INT 4
   316  KEY
   317  LOAD 13
   319  GET_FIELD 4
   321  SSTORE
   322  LOAD 14
   324  PUSH_INT 5
   326  KEY
   327  LOAD 13
   329  GET_FIELD 5
   331  SSTORE
   332  LOAD 14
   334  PUSH_INT 6
   336  KEY
   337  LOAD 13
   339  GET_FIELD 6
   341  SSTORE
   342  LOAD 14
   344  PUSH_INT 7
   346  KEY
   347  LOAD 13
   349  GET_FIELD 7
   351  SSTORE
   352  LOAD 14
   354  PUSH_INT 8
   356  KEY
   357  LOAD 13
   359  GET_FIELD 8
   361  SSTORE
   362  LOAD 14
   364  PUSH_INT 9
   366  KEY
   367  LOAD 13
   369  GET_FIELD 9
   371  SSTORE
   372  LOAD 14
   374  PUSH_INT 10
   376  KEY
   377  LOAD 13
   379  GET_FIELD 10
   381  SSTORE
   382  LOAD 14
   384  PUSH_INT 11
   386  KEY
   387  LOAD 13
   389  GET_FIELD 11
   391  SSTORE
   392  LOAD 14
   394  PUSH_INT 12
   396  KEY
   397  LOAD 13
   399  GET_FIELD 12
   401  SSTORE
   402  LOAD 14
   404  PUSH_INT 13
   406  KEY
   407  LOAD 13
   409  GET_FIELD 13
   411  SSTORE
   412  LOAD 14
   414  PUSH_INT 14
   416  KEY
   417  LOAD 13
   419  GET_FIELD 14
   421  SSTORE
   422  LOAD 14
   424  PUSH_INT 15
   426  KEY
   427  LOAD 13
   429  GET_FIELD 15
   431  SSTORE
   432  LOAD 11
   434  LOAD 12
   436  PUSH_INT 1
   438  ADD
   439  SSTORE
    .loc 0 174 24                       ; examples/compute_market.contract:174:24
   440  LOAD 9
    .loc 0 174 28                       ; examples/compute_market.contract:174:28
   442  CALLER
    .loc 0 174 40                       ; examples/compute_market.contract:174:40
   443  CALLVALUE
    .loc 0 174 51                       ; examples/compute_market.contract:174:51
   444  LOAD 0                          ; input_hash
    .loc 0 174 63                       ; examples/compute_market.contract:174:63
   446  LOAD 1                          ; seats
    .loc 0 174 70                       ; examples/compute_market.contract:174:70
   448  LOAD 2                          ; quorum
    .loc 0 174 78                       ; examples/compute_market.contract:174:78
   450  LOAD 3                          ; stake
    .loc 0 175 24                       ; examples/compute_market.contract:175:24
   452  LOAD 10
    .loc 0 175 41                       ; examples/compute_market.contract:175:41
   454  LOAD 10
    .loc 0 175 59                       ; examples/compute_market.contract:175:59
   456  LOAD 5                          ; reveal_blocks
    .loc 0 175 57                       ; examples/compute_market.contract:175:57
   458  ADD
    .loc 0 174 9                        ; examples/compute_market.contract:174:9
   459  EMIT 0                          ; JobPosted
    .loc 0 176 16                       ; examples/compute_market.contract:176:16
   462  LOAD 9
    .loc 0 176 9                        ; examples/compute_market.contract:176:9
   464  RET

.function 3 announce(enc_key: bytes, runner: bytes, min_payment: int) locals 5 pub
    .loc 0 182 21                       ; examples/compute_market.contract:182:21
   465  LOAD 0                          ; enc_key
    .loc 0 182 17                       ; examples/compute_market.contract:182:17
   467  LEN
    .loc 0 182 33                       ; examples/compute_market.contract:182:33
   468  PUSH_INT 32
    .loc 0 182 30                       ; examples/compute_market.contract:182:30
   470  EQ
    .loc 0 182 9                        ; examples/compute_market.contract:182:9
   471  JUMP_IF_TRUE L478
    .loc 0 182 43                       ; examples/compute_market.contract:182:43
   474  PUSH_CONST 11                   ; "encryption key must be 32 bytes"
    .loc 0 182 9                        ; examples/compute_market.contract:182:9
   477  REVERT
    .loc 0 183 32                       ; examples/compute_market.contract:183:32
L478:
   478  LOAD 1                          ; runner
    .loc 0 183 17                       ; examples/compute_market.contract:183:17
   480  CALL 27                         ; commit.is_hash
    .loc 0 183 9                        ; examples/compute_market.contract:183:9
   483  JUMP_IF_TRUE L490
    .loc 0 183 41                       ; examples/compute_market.contract:183:41
   486  PUSH_CONST 1                    ; "runner id must be 32 bytes"
    .loc 0 183 9                        ; examples/compute_market.contract:183:9
   489  REVERT
    .loc 0 184 17                       ; examples/compute_market.contract:184:17
L490:
   490  LOAD 2                          ; min_payment
    .loc 0 184 32                       ; examples/compute_market.contract:184:32
   492  PUSH_INT 0
    .loc 0 184 29                       ; examples/compute_market.contract:184:29
   494  GE
    .loc 0 184 9                        ; examples/compute_market.contract:184:9
   495  JUMP_IF_TRUE L502
    .loc 0 184 35                       ; examples/compute_market.contract:184:35
   498  PUSH_CONST 12                   ; "minimum payment must not be negative"
    .loc 0 184 9                        ; examples/compute_market.contract:184:9
   501  REVERT
    .loc 0 185 9                        ; examples/compute_market.contract:185:9
L502:
   502  PUSH_CONST 13                   ; 0x06
    .loc 0 185 18                       ; examples/compute_market.contract:185:18
   505  CALLER
    .loc 0 185 9                        ; examples/compute_market.contract:185:9
   506  KEY
    .loc 0 185 32                       ; examples/compute_market.contract:185:32
   507  LOAD 0                          ; enc_key
    .loc 0 185 9                        ; examples/compute_market.contract:185:9
   509  SSTORE
    .loc 0 186 9                        ; examples/compute_market.contract:186:9
   510  PUSH_CONST 14                   ; 0x07
    .loc 0 186 16                       ; examples/compute_market.contract:186:16
   513  CALLER
    .loc 0 186 9                        ; examples/compute_market.contract:186:9
   514  KEY
    .loc 0 186 28                       ; examples/compute_market.contract:186:28
   515  LOAD 1                          ; runner
    .loc 0 186 9                        ; examples/compute_market.contract:186:9
   517  KEY
    .loc 0 186 57                       ; examples/compute_market.contract:186:57
   518  LOAD 2                          ; min_payment
    .loc 0 186 78                       ; examples/compute_market.contract:186:78
   520  PUSH_TRUE
    .loc 0 186 38                       ; examples/compute_market.contract:186:38
   521  MAKE_STRUCT 2
    .loc 0 186 9                        ; examples/compute_market.contract:186:9
   523  STORE 3
   525  STORE 4
   527  LOAD 4
   529  PUSH_INT 0
   531  KEY
   532  LOAD 3
   534  GET_FIELD 0
   536  SSTORE
   537  LOAD 4
   539  PUSH_INT 1
   541  KEY
   542  LOAD 3
   544  GET_FIELD 1
   546  SSTORE
    .loc 0 187 13                       ; examples/compute_market.contract:187:13
   547  PUSH_CONST 15                   ; 0x09
    .loc 0 187 20                       ; examples/compute_market.contract:187:20
   550  CALLER
    .loc 0 187 13                       ; examples/compute_market.contract:187:13
   551  KEY
   552  SLOAD 1                         ; bool
    .loc 0 187 12                       ; examples/compute_market.contract:187:12
   554  NOT
    .loc 0 187 9                        ; examples/compute_market.contract:187:9
   555  JUMP_IF_FALSE L591
    .loc 0 188 13                       ; examples/compute_market.contract:188:13
   558  PUSH_CONST 15                   ; 0x09
    .loc 0 188 20                       ; examples/compute_market.contract:188:20
   561  CALLER
    .loc 0 188 13                       ; examples/compute_market.contract:188:13
   562  KEY
    .loc 0 188 34                       ; examples/compute_market.contract:188:34
   563  PUSH_TRUE
    .loc 0 188 13                       ; examples/compute_market.contract:188:13
   564  SSTORE
    .loc 0 189 13                       ; examples/compute_market.contract:189:13
   565  PUSH_CONST 16                   ; 0x08
   568  STORE 3
   570  LOAD 3
   572  SLOAD 0                         ; int
   574  STORE 4
   576  LOAD 3
   578  LOAD 4
   580  KEY
    .loc 0 189 30                       ; examples/compute_market.contract:189:30
   581  CALLER
    .loc 0 189 13                       ; examples/compute_market.contract:189:13
   582  SSTORE
   583  LOAD 3
   585  LOAD 4
   587  PUSH_INT 1
   589  ADD
   590  SSTORE
    .loc 0 191 30                       ; examples/compute_market.contract:191:30
L591:
   591  CALLER
    .loc 0 191 42                       ; examples/compute_market.contract:191:42
   592  LOAD 0                          ; enc_key
    .loc 0 191 51                       ; examples/compute_market.contract:191:51
   594  LOAD 1                          ; runner
    .loc 0 191 59                       ; examples/compute_market.contract:191:59
   596  LOAD 2                          ; min_payment
    .loc 0 191 9                        ; examples/compute_market.contract:191:9
   598  EMIT 11                         ; WorkerAnnounced
    .loc 0 181 70                       ; examples/compute_market.contract:181:70
   601  RET

.function 4 retire(runner: bytes) locals 1 pub
    .loc 0 196 17                       ; examples/compute_market.contract:196:17
   602  PUSH_CONST 14                   ; 0x07
    .loc 0 196 24                       ; examples/compute_market.contract:196:24
   605  CALLER
    .loc 0 196 17                       ; examples/compute_market.contract:196:17
   606  KEY
    .loc 0 196 36                       ; examples/compute_market.contract:196:36
   607  LOAD 0                          ; runner
    .loc 0 196 17                       ; examples/compute_market.contract:196:17
   609  KEY
   610  PUSH_INT 1
   612  KEY
   613  SLOAD 1                         ; bool
    .loc 0 196 9                        ; examples/compute_market.contract:196:9
   615  JUMP_IF_TRUE L622
    .loc 0 196 52                       ; examples/compute_market.contract:196:52
   618  PUSH_CONST 17                   ; "no such offer"
    .loc 0 196 9                        ; examples/compute_market.contract:196:9
   621  REVERT
    .loc 0 197 9                        ; examples/compute_market.contract:197:9
L622:
   622  PUSH_CONST 14                   ; 0x07
    .loc 0 197 16                       ; examples/compute_market.contract:197:16
   625  CALLER
    .loc 0 197 9                        ; examples/compute_market.contract:197:9
   626  KEY
    .loc 0 197 28                       ; examples/compute_market.contract:197:28
   627  LOAD 0                          ; runner
    .loc 0 197 9                        ; examples/compute_market.contract:197:9
   629  KEY
   630  PUSH_INT 1
   632  KEY
    .loc 0 197 45                       ; examples/compute_market.contract:197:45
   633  PUSH_FALSE
    .loc 0 197 9                        ; examples/compute_market.contract:197:9
   634  SSTORE
    .loc 0 198 28                       ; examples/compute_market.contract:198:28
   635  CALLER
    .loc 0 198 40                       ; examples/compute_market.contract:198:40
   636  LOAD 0                          ; runner
    .loc 0 198 9                        ; examples/compute_market.contract:198:9
   638  EMIT 12                         ; WorkerRetired
    .loc 0 195 34                       ; examples/compute_market.contract:195:34
   641  RET

.function 5 join(job: int) -> int locals 2 pub payable
    .loc 0 203 21                       ; examples/compute_market.contract:203:21
   642  LOAD 0                          ; job
    .loc 0 203 9                        ; examples/compute_market.contract:203:9
   644  CALL 24                         ; require_job
    .loc 0 204 17                       ; examples/compute_market.contract:204:17
   647  PUSH_CONST 10                   ; 0x00
    .loc 0 204 22                       ; examples/compute_market.contract:204:22
   650  LOAD 0                          ; job
    .loc 0 204 17                       ; examples/compute_market.contract:204:17
   652  OVER
   653  SLOAD 0                         ; int
   655  CHECK_INDEX
   656  KEY
   657  PUSH_INT 11
   659  KEY
   660  SLOAD 0                         ; int
    .loc 0 204 36                       ; examples/compute_market.contract:204:36
   662  PUSH_INT 0
    .loc 0 204 33                       ; examples/compute_market.contract:204:33
   664  EQ
    .loc 0 204 9                        ; examples/compute_market.contract:204:9
   665  JUMP_IF_TRUE L672
    .loc 0 204 42                       ; examples/compute_market.contract:204:42
   668  PUSH_CONST 18                   ; "job is settled"
    .loc 0 204 9                        ; examples/compute_market.contract:204:9
   671  REVERT
    .loc 0 205 17                       ; examples/compute_market.contract:205:17
L672:
   672  BLOCK_NUMBER
    .loc 0 205 33                       ; examples/compute_market.contract:205:33
   673  PUSH_CONST 10                   ; 0x00
    .loc 0 205 38                       ; examples/compute_market.contract:205:38
   676  LOAD 0                          ; job
    .loc 0 205 33                       ; examples/compute_market.contract:205:33
   678  OVER
   679  SLOAD 0                         ; int
   681  CHECK_INDEX
   682  KEY
   683  PUSH_INT 6
   685  KEY
   686  SLOAD 0                         ; int
    .loc 0 205 30                       ; examples/compute_market.contract:205:30
   688  LE
    .loc 0 205 9                        ; examples/compute_market.contract:205:9
   689  JUMP_IF_TRUE L696
    .loc 0 205 60                       ; examples/compute_market.contract:205:60
   692  PUSH_CONST 19                   ; "commit phase is over"
    .loc 0 205 9                        ; examples/compute_market.contract:205:9
   695  REVERT
    .loc 0 206 17                       ; examples/compute_market.contract:206:17
L696:
   696  CALLER
    .loc 0 206 31                       ; examples/compute_market.contract:206:31
   697  PUSH_CONST 10                   ; 0x00
    .loc 0 206 36                       ; examples/compute_market.contract:206:36
   700  LOAD 0                          ; job
    .loc 0 206 31                       ; examples/compute_market.contract:206:31
   702  OVER
   703  SLOAD 0                         ; int
   705  CHECK_INDEX
   706  KEY
   707  PUSH_INT 0
   709  KEY
   710  SLOAD 2                         ; address
    .loc 0 206 28                       ; examples/compute_market.contract:206:28
   712  NE
    .loc 0 206 9                        ; examples/compute_market.contract:206:9
   713  JUMP_IF_TRUE L720
    .loc 0 206 49                       ; examples/compute_market.contract:206:49
   716  PUSH_CONST 20                   ; "the client cannot work on its own job"
    .loc 0 206 9                        ; examples/compute_market.contract:206:9
   719  REVERT
    .loc 0 207 17                       ; examples/compute_market.contract:207:17
L720:
   720  PUSH_CONST 21                   ; 0x02
    .loc 0 207 25                       ; examples/compute_market.contract:207:25
   723  LOAD 0                          ; job
    .loc 0 207 17                       ; examples/compute_market.contract:207:17
   725  KEY
    .loc 0 207 30                       ; examples/compute_market.contract:207:30
   726  CALLER
    .loc 0 207 17                       ; examples/compute_market.contract:207:17
   727  KEY
   728  SLOAD 0                         ; int
    .loc 0 207 45                       ; examples/compute_market.contract:207:45
   730  PUSH_INT 0
    .loc 0 207 42                       ; examples/compute_market.contract:207:42
   732  EQ
    .loc 0 207 9                        ; examples/compute_market.contract:207:9
   733  JUMP_IF_TRUE L740
    .loc 0 207 48                       ; examples/compute_market.contract:207:48
   736  PUSH_CONST 22                   ; "already joined"
    .loc 0 207 9                        ; examples/compute_market.contract:207:9
   739  REVERT
    .loc 0 208 17                       ; examples/compute_market.contract:208:17
L740:
   740  PUSH_CONST 10                   ; 0x00
    .loc 0 208 22                       ; examples/compute_market.contract:208:22
   743  LOAD 0                          ; job
    .loc 0 208 17                       ; examples/compute_market.contract:208:17
   745  OVER
   746  SLOAD 0                         ; int
   748  CHECK_INDEX
   749  KEY
   750  PUSH_INT 8
   752  KEY
   753  SLOAD 0                         ; int
    .loc 0 208 36                       ; examples/compute_market.contract:208:36
   755  PUSH_CONST 10                   ; 0x00
    .loc 0 208 41                       ; examples/compute_market.contract:208:41
   758  LOAD 0                          ; job
    .loc 0 208 36                       ; examples/compute_market.contract:208:36
   760  OVER
   761  SLOAD 0                         ; int
   763  CHECK_INDEX
   764  KEY
   765  PUSH_INT 3
   767  KEY
   768  SLOAD 0                         ; int
    .loc 0 208 34                       ; examples/compute_market.contract:208:34
   770  LT
    .loc 0 208 9                        ; examples/compute_market.contract:208:9
   771  JUMP_IF_TRUE L778
    .loc 0 208 53                       ; examples/compute_market.contract:208:53
   774  PUSH_CONST 23                   ; "no free seat"
    .loc 0 208 9                        ; examples/compute_market.contract:208:9
   777  REVERT
    .loc 0 209 17                       ; examples/compute_market.contract:209:17
L778:
   778  CALLVALUE
    .loc 0 209 30                       ; examples/compute_market.contract:209:30
   779  PUSH_CONST 10                   ; 0x00
    .loc 0 209 35                       ; examples/compute_market.contract:209:35
   782  LOAD 0                          ; job
    .loc 0 209 30                       ; examples/compute_market.contract:209:30
   784  OVER
   785  SLOAD 0                         ; int
   787  CHECK_INDEX
   788  KEY
   789  PUSH_INT 5
   791  KEY
   792  SLOAD 0                         ; int
    .loc 0 209 27                       ; examples/compute_market.contract:209:27
   794  EQ
    .loc 0 209 9                        ; examples/compute_market.contract:209:9
   795  JUMP_IF_TRUE L802
    .loc 0 209 47                       ; examples/compute_market.contract:209:47
   798  PUSH_CONST 24                   ; "stake must equal the job's stake"
    .loc 0 209 9                        ; examples/compute_market.contract:209:9
   801  REVERT
    .loc 0 210 20                       ; examples/compute_market.contract:210:20
L802:
   802  PUSH_CONST 10                   ; 0x00
    .loc 0 210 25                       ; examples/compute_market.contract:210:25
   805  LOAD 0                          ; job
    .loc 0 210 20                       ; examples/compute_market.contract:210:20
   807  OVER
   808  SLOAD 0                         ; int
   810  CHECK_INDEX
   811  KEY
   812  PUSH_INT 8
   814  KEY
   815  SLOAD 0                         ; int
    .loc 0 210 9                        ; examples/compute_market.contract:210:9
   817  STORE 1
    .loc 0 211 16                       ; examples/compute_market.contract:211:16
   819  PUSH_CONST 10                   ; 0x00
    .loc 0 211 21                       ; examples/compute_market.contract:211:21
   822  LOAD 0                          ; job
    .loc 0 211 16                       ; examples/compute_market.contract:211:16
   824  OVER
   825  SLOAD 0                         ; int
   827  CHECK_INDEX
   828  KEY
   829  PUSH_INT 13
   831  KEY
   832  SLOAD 3                         ; bytes
    .loc 0 211 12                       ; examples/compute_market.contract:211:12
   834  LEN
    .loc 0 211 36                       ; examples/compute_market.contract:211:36
   835  PUSH_INT 0
    .loc 0 211 34                       ; examples/compute_market.contract:211:34
   837  GT
    .loc 0 211 9                        ; examples/compute_market.contract:211:9
   838  JUMP_IF_FALSE L879
    .loc 0 212 25                       ; examples/compute_market.contract:212:25
   841  PUSH_CONST 13                   ; 0x06
    .loc 0 212 34                       ; examples/compute_market.contract:212:34
   844  CALLER
    .loc 0 212 25                       ; examples/compute_market.contract:212:25
   845  KEY
   846  SLOAD 3                         ; bytes
    .loc 0 212 21                       ; examples/compute_market.contract:212:21
   848  LEN
    .loc 0 212 50                       ; examples/compute_market.contract:212:50
   849  PUSH_INT 32
    .loc 0 212 47                       ; examples/compute_market.contract:212:47
   851  EQ
    .loc 0 212 13                       ; examples/compute_market.contract:212:13
   852  JUMP_IF_TRUE L859
    .loc 0 212 60                       ; examples/compute_market.contract:212:60
   855  PUSH_CONST 25                   ; "announce an encryption key first"
    .loc 0 212 13                       ; examples/compute_market.contract:212:13
   858  REVERT
    .loc 0 213 13                       ; examples/compute_market.contract:213:13
L859:
   859  PUSH_CONST 26                   ; 0x01
    .loc 0 213 24                       ; examples/compute_market.contract:213:24
   862  LOAD 0                          ; job
    .loc 0 213 13                       ; examples/compute_market.contract:213:13
   864  KEY
    .loc 0 213 29                       ; examples/compute_market.contract:213:29
   865  LOAD 1
    .loc 0 213 13                       ; examples/compute_market.contract:213:13
   867  KEY
   868  PUSH_INT 3
   870  KEY
    .loc 0 213 45                       ; examples/compute_market.contract:213:45
   871  PUSH_CONST 13                   ; 0x06
    .loc 0 213 54                       ; examples/compute_market.contract:213:54
   874  CALLER
    .loc 0 213 45                       ; examples/compute_market.contract:213:45
   875  KEY
   876  SLOAD 3                         ; bytes
    .loc 0 213 13                       ; examples/compute_market.contract:213:13
   878  SSTORE
    .loc 0 215 9                        ; examples/compute_market.contract:215:9
L879:
   879  PUSH_CONST 26                   ; 0x01
    .loc 0 215 20                       ; examples/compute_market.contract:215:20
   882  LOAD 0                          ; job
    .loc 0 215 9                        ; examples/compute_market.contract:215:9
   884  KEY
    .loc 0 215 25                       ; examples/compute_market.contract:215:25
   885  LOAD 1
    .loc 0 215 9                        ; examples/compute_market.contract:215:9
   887  KEY
   888  PUSH_INT 0
   890  KEY
    .loc 0 215 40                       ; examples/compute_market.contract:215:40
   891  CALLER
    .loc 0 215 9                        ; examples/compute_market.contract:215:9
   892  SSTORE
    .loc 0 216 9                        ; examples/compute_market.contract:216:9
   893  PUSH_CONST 21                   ; 0x02
    .loc 0 216 17                       ; examples/compute_market.contract:216:17
   896  LOAD 0                          ; job
    .loc 0 216 9                        ; examples/compute_market.contract:216:9
   898  KEY
    .loc 0 216 22                       ; examples/compute_market.contract:216:22
   899  CALLER
    .loc 0 216 9                        ; examples/compute_market.contract:216:9
   900  KEY
    .loc 0 216 36                       ; examples/compute_market.contract:216:36
   901  LOAD 1
    .loc 0 216 43                       ; examples/compute_market.contract:216:43
   903  PUSH_INT 1
    .loc 0 216 41                       ; examples/compute_market.contract:216:41
   905  ADD
    .loc 0 216 9                        ; examples/compute_market.contract:216:9
   906  SSTORE
    .loc 0 217 9                        ; examples/compute_market.contract:217:9
   907  PUSH_CONST 10                   ; 0x00
    .loc 0 217 14                       ; examples/compute_market.contract:217:14
   910  LOAD 0                          ; job
    .loc 0 217 9                        ; examples/compute_market.contract:217:9
   912  OVER
   913  SLOAD 0                         ; int
   915  CHECK_INDEX
   916  KEY
   917  PUSH_INT 8
   919  KEY
    .loc 0 217 28                       ; examples/compute_market.contract:217:28
   920  LOAD 1
    .loc 0 217 35                       ; examples/compute_market.contract:217:35
   922  PUSH_INT 1
    .loc 0 217 33                       ; examples/compute_market.contract:217:33
   924  ADD
    .loc 0 217 9                        ; examples/compute_market.contract:217:9
   925  SSTORE
    .loc 0 218 27                       ; examples/compute_market.contract:218:27
   926  LOAD 0                          ; job
    .loc 0 218 32                       ; examples/compute_market.contract:218:32
   928  CALLER
    .loc 0 218 44                       ; examples/compute_market.contract:218:44
   929  LOAD 1
    .loc 0 218 9                        ; examples/compute_market.contract:218:9
   931  EMIT 1                          ; WorkerJoined
    .loc 0 219 16                       ; examples/compute_market.contract:219:16
   934  LOAD 1
    .loc 0 219 9                        ; examples/compute_market.contract:219:9
   936  RET

.function 6 publish_key(job: int, seat: int, wrapped_key: bytes) locals 3 pub
    .loc 0 224 21                       ; examples/compute_market.contract:224:21
   937  LOAD 0                          ; job
    .loc 0 224 9                        ; examples/compute_market.contract:224:9
   939  CALL 24                         ; require_job
    .loc 0 225 17                       ; examples/compute_market.contract:225:17
   942  CALLER
    .loc 0 225 31                       ; examples/compute_market.contract:225:31
   943  PUSH_CONST 10                   ; 0x00
    .loc 0 225 36                       ; examples/compute_market.contract:225:36
   946  LOAD 0                          ; job
    .loc 0 225 31                       ; examples/compute_market.contract:225:31
   948  OVER
   949  SLOAD 0                         ; int
   951  CHECK_INDEX
   952  KEY
   953  PUSH_INT 0
   955  KEY
   956  SLOAD 2                         ; address
    .loc 0 225 28                       ; examples/compute_market.contract:225:28
   958  EQ
    .loc 0 225 9                        ; examples/compute_market.contract:225:9
   959  JUMP_IF_TRUE L966
    .loc 0 225 49                       ; examples/compute_market.contract:225:49
   962  PUSH_CONST 27                   ; "only the client publishes keys"
    .loc 0 225 9                        ; examples/compute_market.contract:225:9
   965  REVERT
    .loc 0 226 21                       ; examples/compute_market.contract:226:21
L966:
   966  PUSH_CONST 10                   ; 0x00
    .loc 0 226 26                       ; examples/compute_market.contract:226:26
   969  LOAD 0                          ; job
    .loc 0 226 21                       ; examples/compute_market.contract:226:21
   971  OVER
   972  SLOAD 0                         ; int
   974  CHECK_INDEX
   975  KEY
   976  PUSH_INT 13
   978  KEY
   979  SLOAD 3                         ; bytes
    .loc 0 226 17                       ; examples/compute_market.contract:226:17
   981  LEN
    .loc 0 226 41                       ; examples/compute_market.contract:226:41
   982  PUSH_INT 0
    .loc 0 226 39                       ; examples/compute_market.contract:226:39
   984  GT
    .loc 0 226 9                        ; examples/compute_market.contract:226:9
   985  JUMP_IF_TRUE L992
    .loc 0 226 44                       ; examples/compute_market.contract:226:44
   988  PUSH_CONST 28                   ; "not a sealed job"
    .loc 0 226 9                        ; examples/compute_market.contract:226:9
   991  REVERT
    .loc 0 227 17                       ; examples/compute_market.contract:227:17
L992:
   992  PUSH_CONST 10                   ; 0x00
    .loc 0 227 22                       ; examples/compute_market.contract:227:22
   995  LOAD 0                          ; job
    .loc 0 227 17                       ; examples/compute_market.contract:227:17
   997  OVER
   998  SLOAD 0                         ; int
  1000  CHECK_INDEX
  1001  KEY
  1002  PUSH_INT 11
  1004  KEY
  1005  SLOAD 0                         ; int
    .loc 0 227 36                       ; examples/compute_market.contract:227:36
  1007  PUSH_INT 0
    .loc 0 227 33                       ; examples/compute_market.contract:227:33
  1009  EQ
    .loc 0 227 9                        ; examples/compute_market.contract:227:9
  1010  JUMP_IF_TRUE L1017
    .loc 0 227 42                       ; examples/compute_market.contract:227:42
  1013  PUSH_CONST 18                   ; "job is settled"
    .loc 0 227 9                        ; examples/compute_market.contract:227:9
  1016  REVERT
    .loc 0 228 30                       ; examples/compute_market.contract:228:30
L1017:
  1017  LOAD 0                          ; job
    .loc 0 228 18                       ; examples/compute_market.contract:228:18
  1019  CALL 26                         ; reveal_open
    .loc 0 228 17                       ; examples/compute_market.contract:228:17
  1022  NOT
    .loc 0 228 9                        ; examples/compute_market.contract:228:9
  1023  JUMP_IF_TRUE L1030
    .loc 0 228 36                       ; examples/compute_market.contract:228:36
  1026  PUSH_CONST 19                   ; "commit phase is over"
    .loc 0 228 9                        ; examples/compute_market.contract:228:9
  1029  REVERT
    .loc 0 229 17                       ; examples/compute_market.contract:229:17
L1030:
  1030  LOAD 1                          ; seat
    .loc 0 229 25                       ; examples/compute_market.contract:229:25
  1032  PUSH_INT 0
    .loc 0 229 22                       ; examples/compute_market.contract:229:22
  1034  GE
    .loc 0 229 27                       ; examples/compute_market.contract:229:27
  1035  DUP
  1036  JUMP_IF_FALSE L1058
  1039  POP
    .loc 0 229 30                       ; examples/compute_market.contract:229:30
  1040  LOAD 1                          ; seat
    .loc 0 229 37                       ; examples/compute_market.contract:229:37
  1042  PUSH_CONST 10                   ; 0x00
    .loc 0 229 42                       ; examples/compute_market.contract:229:42
  1045  LOAD 0                          ; job
    .loc 0 229 37                       ; examples/compute_market.contract:229:37
  1047  OVER
  1048  SLOAD 0                         ; int
  1050  CHECK_INDEX
  1051  KEY
  1052  PUSH_INT 8
  1054  KEY
  1055  SLOAD 0                         ; int
    .loc 0 229 35                       ; examples/compute_market.contract:229:35
  1057  LT
    .loc 0 229 9                        ; examples/compute_market.contract:229:9
L1058:
  1058  JUMP_IF_TRUE L1065
    .loc 0 229 55                       ; examples/compute_market.contract:229:55
  1061  PUSH_CONST 29                   ; "no such seat"
    .loc 0 229 9                        ; examples/compute_market.contract:229:9
  1064  REVERT
    .loc 0 230 21                       ; examples/compute_market.contract:230:21
L1065:
  1065  LOAD 2                          ; wrapped_key
    .loc 0 230 17                       ; examples/compute_market.contract:230:17
  1067  LEN
    .loc 0 230 37                       ; examples/compute_market.contract:230:37
  1068  PUSH_INT 93
    .loc 0 230 34                       ; examples/compute_market.contract:230:34
  1070  EQ
    .loc 0 230 9                        ; examples/compute_market.contract:230:9
  1071  JUMP_IF_TRUE L1078
    .loc 0 230 55                       ; examples/compute_market.contract:230:55
  1074  PUSH_CONST 30                   ; "wrapped key must be 93 bytes"
    .loc 0 230 9                        ; examples/compute_market.contract:230:9
  1077  REVERT
    .loc 0 231 21                       ; examples/compute_market.contract:231:21
L1078:
  1078  PUSH_CONST 26                   ; 0x01
    .loc 0 231 32                       ; examples/compute_market.contract:231:32
  1081  LOAD 0                          ; job
    .loc 0 231 21                       ; examples/compute_market.contract:231:21
  1083  KEY
    .loc 0 231 37                       ; examples/compute_market.contract:231:37
  1084  LOAD 1                          ; seat
    .loc 0 231 21                       ; examples/compute_market.contract:231:21
  1086  KEY
  1087  PUSH_INT 4
  1089  KEY
  1090  SLOAD 3                         ; bytes
    .loc 0 231 17                       ; examples/compute_market.contract:231:17
  1092  LEN
    .loc 0 231 59                       ; examples/compute_market.contract:231:59
  1093  PUSH_INT 0
    .loc 0 231 56                       ; examples/compute_market.contract:231:56
  1095  EQ
    .loc 0 231 9                        ; examples/compute_market.contract:231:9
  1096  JUMP_IF_TRUE L1103
    .loc 0 231 62                       ; examples/compute_market.contract:231:62
  1099  PUSH_CONST 31                   ; "key already published"
    .loc 0 231 9                        ; examples/compute_market.contract:231:9
  1102  REVERT
    .loc 0 232 9                        ; examples/compute_market.contract:232:9
L1103:
  1103  PUSH_CONST 26                   ; 0x01
    .loc 0 232 20                       ; examples/compute_market.contract:232:20
  1106  LOAD 0                          ; job
    .loc 0 232 9                        ; examples/compute_market.contract:232:9
  1108  KEY
    .loc 0 232 25                       ; examples/compute_market.contract:232:25
  1109  LOAD 1                          ; seat
    .loc 0 232 9                        ; examples/compute_market.contract:232:9
  1111  KEY
  1112  PUSH_INT 4
  1114  KEY
    .loc 0 232 45                       ; examples/compute_market.contract:232:45
  1115  LOAD 2                          ; wrapped_key
    .loc 0 232 9                        ; examples/compute_market.contract:232:9
  1117  SSTORE
    .loc 0 233 27                       ; examples/compute_market.contract:233:27
  1118  LOAD 0                          ; job
    .loc 0 233 32                       ; examples/compute_market.contract:233:32
  1120  LOAD 1                          ; seat
    .loc 0 233 38                       ; examples/compute_market.contract:233:38
  1122  PUSH_CONST 26                   ; 0x01
    .loc 0 233 49                       ; examples/compute_market.contract:233:49
  1125  LOAD 0                          ; job
    .loc 0 233 38                       ; examples/compute_market.contract:233:38
  1127  KEY
    .loc 0 233 54                       ; examples/compute_market.contract:233:54
  1128  LOAD 1                          ; seat
    .loc 0 233 38                       ; examples/compute_market.contract:233:38
  1130  KEY
  1131  PUSH_INT 0
  1133  KEY
  1134  SLOAD 2                         ; address
    .loc 0 233 68                       ; examples/compute_market.contract:233:68
  1136  LOAD 2                          ; wrapped_key
    .loc 0 233 9                        ; examples/compute_market.contract:233:9
  1138  EMIT 14                         ; KeyPublished
    .loc 0 223 65                       ; examples/compute_market.contract:223:65
  1141  RET

.function 7 commit_result(job: int, commitment: bytes) locals 3 pub
    .loc 0 239 21                       ; examples/compute_market.contract:239:21
  1142  LOAD 0                          ; job
    .loc 0 239 9                        ; examples/compute_market.contract:239:9
  1144  CALL 24                         ; require_job
    .loc 0 240 31                       ; examples/compute_market.contract:240:31
  1147  LOAD 0                          ; job
    .loc 0 240 36                       ; examples/compute_market.contract:240:36
  1149  CALLER
    .loc 0 240 20                       ; examples/compute_market.contract:240:20
  1150  CALL 25                         ; seat_index
    .loc 0 240 9                        ; examples/compute_market.contract:240:9
  1153  STORE 2
    .loc 0 241 17                       ; examples/compute_market.contract:241:17
  1155  PUSH_CONST 10                   ; 0x00
    .loc 0 241 22                       ; examples/compute_market.contract:241:22
  1158  LOAD 0                          ; job
    .loc 0 241 17                       ; examples/compute_market.contract:241:17
  1160  OVER
  1161  SLOAD 0                         ; int
  1163  CHECK_INDEX
  1164  KEY
  1165  PUSH_INT 11
  1167  KEY
  1168  SLOAD 0                         ; int
    .loc 0 241 36                       ; examples/compute_market.contract:241:36
  1170  PUSH_INT 0
    .loc 0 241 33                       ; examples/compute_market.contract:241:33
  1172  EQ
    .loc 0 241 9                        ; examples/compute_market.contract:241:9
  1173  JUMP_IF_TRUE L1180
    .loc 0 241 42                       ; examples/compute_market.contract:241:42
  1176  PUSH_CONST 18                   ; "job is settled"
    .loc 0 241 9                        ; examples/compute_market.contract:241:9
  1179  REVERT
    .loc 0 242 30                       ; examples/compute_market.contract:242:30
L1180:
  1180  LOAD 0                          ; job
    .loc 0 242 18                       ; examples/compute_market.contract:242:18
  1182  CALL 26                         ; reveal_open
    .loc 0 242 17                       ; examples/compute_market.contract:242:17
  1185  NOT
    .loc 0 242 9                        ; examples/compute_market.contract:242:9
  1186  JUMP_IF_TRUE L1193
    .loc 0 242 36                       ; examples/compute_market.contract:242:36
  1189  PUSH_CONST 19                   ; "commit phase is over"
    .loc 0 242 9                        ; examples/compute_market.contract:242:9
  1192  REVERT
    .loc 0 243 32                       ; examples/compute_market.contract:243:32
L1193:
  1193  LOAD 1                          ; commitment
    .loc 0 243 17                       ; examples/compute_market.contract:243:17
  1195  CALL 27                         ; commit.is_hash
    .loc 0 243 9                        ; examples/compute_market.contract:243:9
  1198  JUMP_IF_TRUE L1205
    .loc 0 243 45                       ; examples/compute_market.contract:243:45
  1201  PUSH_CONST 32                   ; "commitment must be 32 bytes"
    .loc 0 243 9                        ; examples/compute_market.contract:243:9
  1204  REVERT
    .loc 0 244 21                       ; examples/compute_market.contract:244:21
L1205:
  1205  PUSH_CONST 26                   ; 0x01
    .loc 0 244 32                       ; examples/compute_market.contract:244:32
  1208  LOAD 0                          ; job
    .loc 0 244 21                       ; examples/compute_market.contract:244:21
  1210  KEY
    .loc 0 244 37                       ; examples/compute_market.contract:244:37
  1211  LOAD 2
    .loc 0 244 21                       ; examples/compute_market.contract:244:21
  1213  KEY
  1214  PUSH_INT 1
  1216  KEY
  1217  SLOAD 3                         ; bytes
    .loc 0 244 17                       ; examples/compute_market.contract:244:17
  1219  LEN
    .loc 0 244 58                       ; examples/compute_market.contract:244:58
  1220  PUSH_INT 0
    .loc 0 244 55                       ; examples/compute_market.contract:244:55
  1222  EQ
    .loc 0 244 9                        ; examples/compute_market.contract:244:9
  1223  JUMP_IF_TRUE L1230
    .loc 0 244 61                       ; examples/compute_market.contract:244:61
  1226  PUSH_CONST 33                   ; "already committed"
    .loc 0 244 9                        ; examples/compute_market.contract:244:9
  1229  REVERT
    .loc 0 245 18                       ; examples/compute_market.contract:245:18
L1230:
  1230  PUSH_CONST 34                   ; 0x03
    .loc 0 245 35                       ; examples/compute_market.contract:245:35
  1233  LOAD 0                          ; job
    .loc 0 245 18                       ; examples/compute_market.contract:245:18
  1235  KEY
    .loc 0 245 40                       ; examples/compute_market.contract:245:40
  1236  LOAD 1                          ; commitment
    .loc 0 245 18                       ; examples/compute_market.contract:245:18
  1238  KEY
  1239  SLOAD 1                         ; bool
    .loc 0 245 17                       ; examples/compute_market.contract:245:17
  1241  NOT
    .loc 0 245 9                        ; examples/compute_market.contract:245:9
  1242  JUMP_IF_TRUE L1249
    .loc 0 245 53                       ; examples/compute_market.contract:245:53
  1245  PUSH_CONST 35                   ; "commitment already used"
    .loc 0 245 9                        ; examples/compute_market.contract:245:9
  1248  REVERT
    .loc 0 246 9                        ; examples/compute_market.contract:246:9
L1249:
  1249  PUSH_CONST 34                   ; 0x03
    .loc 0 246 26                       ; examples/compute_market.contract:246:26
  1252  LOAD 0                          ; job
    .loc 0 246 9                        ; examples/compute_market.contract:246:9
  1254  KEY
    .loc 0 246 31                       ; examples/compute_market.contract:246:31
  1255  LOAD 1                          ; commitment
    .loc 0 246 9                        ; examples/compute_market.contract:246:9
  1257  KEY
    .loc 0 246 45                       ; examples/compute_market.contract:246:45
  1258  PUSH_TRUE
    .loc 0 246 9                        ; examples/compute_market.contract:246:9
  1259  SSTORE
    .loc 0 247 9                        ; examples/compute_market.contract:247:9
  1260  PUSH_CONST 26                   ; 0x01
    .loc 0 247 20                       ; examples/compute_market.contract:247:20
  1263  LOAD 0                          ; job
    .loc 0 247 9                        ; examples/compute_market.contract:247:9
  1265  KEY
    .loc 0 247 25                       ; examples/compute_market.contract:247:25
  1266  LOAD 2
    .loc 0 247 9                        ; examples/compute_market.contract:247:9
  1268  KEY
  1269  PUSH_INT 1
  1271  KEY
    .loc 0 247 44                       ; examples/compute_market.contract:247:44
  1272  LOAD 1                          ; commitment
    .loc 0 247 9                        ; examples/compute_market.contract:247:9
  1274  SSTORE
    .loc 0 248 9                        ; examples/compute_market.contract:248:9
  1275  PUSH_CONST 10                   ; 0x00
    .loc 0 248 14                       ; examples/compute_market.contract:248:14
  1278  LOAD 0                          ; job
    .loc 0 248 9                        ; examples/compute_market.contract:248:9
  1280  OVER
  1281  SLOAD 0                         ; int
  1283  CHECK_INDEX
  1284  KEY
  1285  PUSH_INT 9
  1287  KEY
  1288  DUP
  1289  SLOAD 0                         ; int
    .loc 0 248 32                       ; examples/compute_market.contract:248:32
  1291  PUSH_INT 1
    .loc 0 248 9                        ; examples/compute_market.contract:248:9
  1293  ADD
  1294  SSTORE
    .loc 0 249 24                       ; examples/compute_market.contract:249:24
  1295  LOAD 0                          ; job
    .loc 0 249 29                       ; examples/compute_market.contract:249:29
  1297  CALLER
    .loc 0 249 41                       ; examples/compute_market.contract:249:41
  1298  LOAD 1                          ; commitment
    .loc 0 249 9                        ; examples/compute_market.contract:249:9
  1300  EMIT 2                          ; Committed
    .loc 0 238 55                       ; examples/compute_market.contract:238:55
  1303  RET

.function 8 reveal(job: int, result_hash: bytes, salt: bytes) locals 4 pub
    .loc 0 255 21                       ; examples/compute_market.contract:255:21
  1304  LOAD 0                          ; job
    .loc 0 255 9                        ; examples/compute_market.contract:255:9
  1306  CALL 24                         ; require_job
    .loc 0 256 31                       ; examples/compute_market.contract:256:31
  1309  LOAD 0                          ; job
    .loc 0 256 36                       ; examples/compute_market.contract:256:36
  1311  CALLER
    .loc 0 256 20                       ; examples/compute_market.contract:256:20
  1312  CALL 25                         ; seat_index
    .loc 0 256 9                        ; examples/compute_market.contract:256:9
  1315  STORE 3
    .loc 0 257 17                       ; examples/compute_market.contract:257:17
  1317  PUSH_CONST 10                   ; 0x00
    .loc 0 257 22                       ; examples/compute_market.contract:257:22
  1320  LOAD 0                          ; job
    .loc 0 257 17                       ; examples/compute_market.contract:257:17
  1322  OVER
  1323  SLOAD 0                         ; int
  1325  CHECK_INDEX
  1326  KEY
  1327  PUSH_INT 11
  1329  KEY
  1330  SLOAD 0                         ; int
    .loc 0 257 36                       ; examples/compute_market.contract:257:36
  1332  PUSH_INT 0
    .loc 0 257 33                       ; examples/compute_market.contract:257:33
  1334  EQ
    .loc 0 257 9                        ; examples/compute_market.contract:257:9
  1335  JUMP_IF_TRUE L1342
    .loc 0 257 42                       ; examples/compute_market.contract:257:42
  1338  PUSH_CONST 18                   ; "job is settled"
    .loc 0 257 9                        ; examples/compute_market.contract:257:9
  1341  REVERT
    .loc 0 258 29                       ; examples/compute_market.contract:258:29
L1342:
  1342  LOAD 0                          ; job
    .loc 0 258 17                       ; examples/compute_market.contract:258:17
  1344  CALL 26                         ; reveal_open
    .loc 0 258 9                        ; examples/compute_market.contract:258:9
  1347  JUMP_IF_TRUE L1354
    .loc 0 258 35                       ; examples/compute_market.contract:258:35
  1350  PUSH_CONST 36                   ; "reveal phase has not started"
    .loc 0 258 9                        ; examples/compute_market.contract:258:9
  1353  REVERT
    .loc 0 259 17                       ; examples/compute_market.contract:259:17
L1354:
  1354  BLOCK_NUMBER
    .loc 0 259 33                       ; examples/compute_market.contract:259:33
  1355  PUSH_CONST 10                   ; 0x00
    .loc 0 259 38                       ; examples/compute_market.contract:259:38
  1358  LOAD 0                          ; job
    .loc 0 259 33                       ; examples/compute_market.contract:259:33
  1360  OVER
  1361  SLOAD 0                         ; int
  1363  CHECK_INDEX
  1364  KEY
  1365  PUSH_INT 7
  1367  KEY
  1368  SLOAD 0                         ; int
    .loc 0 259 30                       ; examples/compute_market.contract:259:30
  1370  LE
    .loc 0 259 9                        ; examples/compute_market.contract:259:9
  1371  JUMP_IF_TRUE L1378
    .loc 0 259 60                       ; examples/compute_market.contract:259:60
  1374  PUSH_CONST 37                   ; "reveal phase is over"
    .loc 0 259 9                        ; examples/compute_market.contract:259:9
  1377  REVERT
    .loc 0 260 21                       ; examples/compute_market.contract:260:21
L1378:
  1378  PUSH_CONST 26                   ; 0x01
    .loc 0 260 32                       ; examples/compute_market.contract:260:32
  1381  LOAD 0                          ; job
    .loc 0 260 21                       ; examples/compute_market.contract:260:21
  1383  KEY
    .loc 0 260 37                       ; examples/compute_market.contract:260:37
  1384  LOAD 3
    .loc 0 260 21                       ; examples/compute_market.contract:260:21
  1386  KEY
  1387  PUSH_INT 1
  1389  KEY
  1390  SLOAD 3                         ; bytes
    .loc 0 260 17                       ; examples/compute_market.contract:260:17
  1392  LEN
    .loc 0 260 57                       ; examples/compute_market.contract:260:57
  1393  PUSH_INT 0
    .loc 0 260 55                       ; examples/compute_market.contract:260:55
  1395  GT
    .loc 0 260 9                        ; examples/compute_market.contract:260:9
  1396  JUMP_IF_TRUE L1403
    .loc 0 260 60                       ; examples/compute_market.contract:260:60
  1399  PUSH_CONST 38                   ; "nothing committed"
    .loc 0 260 9                        ; examples/compute_market.contract:260:9
  1402  REVERT
    .loc 0 261 21                       ; examples/compute_market.contract:261:21
L1403:
  1403  PUSH_CONST 26                   ; 0x01
    .loc 0 261 32                       ; examples/compute_market.contract:261:32
  1406  LOAD 0                          ; job
    .loc 0 261 21                       ; examples/compute_market.contract:261:21
  1408  KEY
    .loc 0 261 37                       ; examples/compute_market.contract:261:37
  1409  LOAD 3
    .loc 0 261 21                       ; examples/compute_market.contract:261:21
  1411  KEY
  1412  PUSH_INT 2
  1414  KEY
  1415  SLOAD 3                         ; bytes
    .loc 0 261 17                       ; examples/compute_market.contract:261:17
  1417  LEN
    .loc 0 261 59                       ; examples/compute_market.contract:261:59
  1418  PUSH_INT 0
    .loc 0 261 56                       ; examples/compute_market.contract:261:56
  1420  EQ
    .loc 0 261 9                        ; examples/compute_market.contract:261:9
  1421  JUMP_IF_TRUE L1428
    .loc 0 261 62                       ; examples/compute_market.contract:261:62
  1424  PUSH_CONST 39                   ; "already revealed"
    .loc 0 261 9                        ; examples/compute_market.contract:261:9
  1427  REVERT
    .loc 0 262 30                       ; examples/compute_market.contract:262:30
L1428:
  1428  PUSH_CONST 26                   ; 0x01
    .loc 0 262 41                       ; examples/compute_market.contract:262:41
  1431  LOAD 0                          ; job
    .loc 0 262 30                       ; examples/compute_market.contract:262:30
  1433  KEY
    .loc 0 262 46                       ; examples/compute_market.contract:262:46
  1434  LOAD 3
    .loc 0 262 30                       ; examples/compute_market.contract:262:30
  1436  KEY
  1437  PUSH_INT 1
  1439  KEY
  1440  SLOAD 3                         ; bytes
    .loc 0 262 64                       ; examples/compute_market.contract:262:64
  1442  LOAD 1                          ; result_hash
    .loc 0 262 77                       ; examples/compute_market.contract:262:77
  1444  LOAD 2                          ; salt
    .loc 0 262 17                       ; examples/compute_market.contract:262:17
  1446  CALL 28                         ; commit.opens
    .loc 0 262 9                        ; examples/compute_market.contract:262:9
  1449  JUMP_IF_TRUE L1456
    .loc 0 263 17                       ; examples/compute_market.contract:263:17
  1452  PUSH_CONST 40                   ; "reveal does not match commitment"
    .loc 0 262 9                        ; examples/compute_market.contract:262:9
  1455  REVERT
    .loc 0 264 9                        ; examples/compute_market.contract:264:9
L1456:
  1456  PUSH_CONST 26                   ; 0x01
    .loc 0 264 20                       ; examples/compute_market.contract:264:20
  1459  LOAD 0                          ; job
    .loc 0 264 9                        ; examples/compute_market.contract:264:9
  1461  KEY
    .loc 0 264 25                       ; examples/compute_market.contract:264:25
  1462  LOAD 3
    .loc 0 264 9                        ; examples/compute_market.contract:264:9
  1464  KEY
  1465  PUSH_INT 2
  1467  KEY
    .loc 0 264 45                       ; examples/compute_market.contract:264:45
  1468  LOAD 1                          ; result_hash
    .loc 0 264 9                        ; examples/compute_market.contract:264:9
  1470  SSTORE
    .loc 0 265 9                        ; examples/compute_market.contract:265:9
  1471  PUSH_CONST 10                   ; 0x00
    .loc 0 265 14                       ; examples/compute_market.contract:265:14
  1474  LOAD 0                          ; job
    .loc 0 265 9                        ; examples/compute_market.contract:265:9
  1476  OVER
  1477  SLOAD 0                         ; int
  1479  CHECK_INDEX
  1480  KEY
  1481  PUSH_INT 10
  1483  KEY
  1484  DUP
  1485  SLOAD 0                         ; int
    .loc 0 265 31                       ; examples/compute_market.contract:265:31
  1487  PUSH_INT 1
    .loc 0 265 9                        ; examples/compute_market.contract:265:9
  1489  ADD
  1490  SSTORE
    .loc 0 266 9                        ; examples/compute_market.contract:266:9
  1491  PUSH_CONST 41                   ; 0x04
    .loc 0 266 18                       ; examples/compute_market.contract:266:18
  1494  LOAD 0                          ; job
    .loc 0 266 9                        ; examples/compute_market.contract:266:9
  1496  KEY
    .loc 0 266 23                       ; examples/compute_market.contract:266:23
  1497  LOAD 1                          ; result_hash
    .loc 0 266 9                        ; examples/compute_market.contract:266:9
  1499  KEY
  1500  DUP
  1501  SLOAD 0                         ; int
    .loc 0 266 39                       ; examples/compute_market.contract:266:39
  1503  PUSH_INT 1
    .loc 0 266 9                        ; examples/compute_market.contract:266:9
  1505  ADD
  1506  SSTORE
    .loc 0 267 23                       ; examples/compute_market.contract:267:23
  1507  LOAD 0                          ; job
    .loc 0 267 28                       ; examples/compute_market.contract:267:28
  1509  CALLER
    .loc 0 267 40                       ; examples/compute_market.contract:267:40
  1510  LOAD 1                          ; result_hash
    .loc 0 267 9                        ; examples/compute_market.contract:267:9
  1512  EMIT 3                          ; Revealed
    .loc 0 269 12                       ; examples/compute_market.contract:269:12
  1515  PUSH_CONST 41                   ; 0x04
    .loc 0 269 21                       ; examples/compute_market.contract:269:21
  1518  LOAD 0                          ; job
    .loc 0 269 12                       ; examples/compute_market.contract:269:12
  1520  KEY
    .loc 0 269 26                       ; examples/compute_market.contract:269:26
  1521  LOAD 1                          ; result_hash
    .loc 0 269 12                       ; examples/compute_market.contract:269:12
  1523  KEY
  1524  SLOAD 0                         ; int
    .loc 0 269 42                       ; examples/compute_market.contract:269:42
  1526  PUSH_CONST 10                   ; 0x00
    .loc 0 269 47                       ; examples/compute_market.contract:269:47
  1529  LOAD 0                          ; job
    .loc 0 269 42                       ; examples/compute_market.contract:269:42
  1531  OVER
  1532  SLOAD 0                         ; int
  1534  CHECK_INDEX
  1535  KEY
  1536  PUSH_INT 4
  1538  KEY
  1539  SLOAD 0                         ; int
    .loc 0 269 39                       ; examples/compute_market.contract:269:39
  1541  EQ
    .loc 0 269 9                        ; examples/compute_market.contract:269:9
  1542  JUMP_IF_FALSE L1568
    .loc 0 270 13                       ; examples/compute_market.contract:270:13
  1545  PUSH_CONST 10                   ; 0x00
    .loc 0 270 18                       ; examples/compute_market.contract:270:18
  1548  LOAD 0                          ; job
    .loc 0 270 13                       ; examples/compute_market.contract:270:13
  1550  OVER
  1551  SLOAD 0                         ; int
  1553  CHECK_INDEX
  1554  KEY
  1555  PUSH_INT 12
  1557  KEY
    .loc 0 270 37                       ; examples/compute_market.contract:270:37
  1558  LOAD 1                          ; result_hash
    .loc 0 270 13                       ; examples/compute_market.contract:270:13
  1560  SSTORE
    .loc 0 271 32                       ; examples/compute_market.contract:271:32
  1561  LOAD 0                          ; job
    .loc 0 271 37                       ; examples/compute_market.contract:271:37
  1563  LOAD 1                          ; result_hash
    .loc 0 271 13                       ; examples/compute_market.contract:271:13
  1565  EMIT 4                          ; QuorumReached
    .loc 0 254 62                       ; examples/compute_market.contract:254:62
L1568:
  1568  RET

.function 9 deliver(job: int, result_blob: bytes) locals 3 pub
    .loc 0 277 21                       ; examples/compute_market.contract:277:21
  1569  LOAD 0                          ; job
    .loc 0 277 9                        ; examples/compute_market.contract:277:9
  1571  CALL 24                         ; require_job
    .loc 0 278 31                       ; examples/compute_market.contract:278:31
  1574  LOAD 0                          ; job
    .loc 0 278 36                       ; examples/compute_market.contract:278:36
  1576  CALLER
    .loc 0 278 20                       ; examples/compute_market.contract:278:20
  1577  CALL 25                         ; seat_index
    .loc 0 278 9                        ; examples/compute_market.contract:278:9
  1580  STORE 2
    .loc 0 279 21                       ; examples/compute_market.contract:279:21
  1582  PUSH_CONST 10                   ; 0x00
    .loc 0 279 26                       ; examples/compute_market.contract:279:26
  1585  LOAD 0                          ; job
    .loc 0 279 21                       ; examples/compute_market.contract:279:21
  1587  OVER
  1588  SLOAD 0                         ; int
  1590  CHECK_INDEX
  1591  KEY
  1592  PUSH_INT 13
  1594  KEY
  1595  SLOAD 3                         ; bytes
    .loc 0 279 17                       ; examples/compute_market.contract:279:17
  1597  LEN
    .loc 0 279 41                       ; examples/compute_market.contract:279:41
  1598  PUSH_INT 0
    .loc 0 279 39                       ; examples/compute_market.contract:279:39
  1600  GT
    .loc 0 279 9                        ; examples/compute_market.contract:279:9
  1601  JUMP_IF_TRUE L1608
    .loc 0 279 44                       ; examples/compute_market.contract:279:44
  1604  PUSH_CONST 28                   ; "not a sealed job"
    .loc 0 279 9                        ; examples/compute_market.contract:279:9
  1607  REVERT
    .loc 0 280 21                       ; examples/compute_market.contract:280:21
L1608:
  1608  PUSH_CONST 26                   ; 0x01
    .loc 0 280 32                       ; examples/compute_market.contract:280:32
  1611  LOAD 0                          ; job
    .loc 0 280 21                       ; examples/compute_market.contract:280:21
  1613  KEY
    .loc 0 280 37                       ; examples/compute_market.contract:280:37
  1614  LOAD 2
    .loc 0 280 21                       ; examples/compute_market.contract:280:21
  1616  KEY
  1617  PUSH_INT 2
  1619  KEY
  1620  SLOAD 3                         ; bytes
    .loc 0 280 17                       ; examples/compute_market.contract:280:17
  1622  LEN
    .loc 0 280 58                       ; examples/compute_market.contract:280:58
  1623  PUSH_INT 0
    .loc 0 280 56                       ; examples/compute_market.contract:280:56
  1625  GT
    .loc 0 280 9                        ; examples/compute_market.contract:280:9
  1626  JUMP_IF_TRUE L1633
    .loc 0 280 61                       ; examples/compute_market.contract:280:61
  1629  PUSH_CONST 42                   ; "reveal first"
    .loc 0 280 9                        ; examples/compute_market.contract:280:9
  1632  REVERT
    .loc 0 281 32                       ; examples/compute_market.contract:281:32
L1633:
  1633  LOAD 1                          ; result_blob
    .loc 0 281 17                       ; examples/compute_market.contract:281:17
  1635  CALL 27                         ; commit.is_hash
    .loc 0 281 9                        ; examples/compute_market.contract:281:9
  1638  JUMP_IF_TRUE L1645
    .loc 0 281 46                       ; examples/compute_market.contract:281:46
  1641  PUSH_CONST 43                   ; "result blob hash must be 32 bytes"
    .loc 0 281 9                        ; examples/compute_market.contract:281:9
  1644  REVERT
    .loc 0 282 21                       ; examples/compute_market.contract:282:21
L1645:
  1645  PUSH_CONST 26                   ; 0x01
    .loc 0 282 32                       ; examples/compute_market.contract:282:32
  1648  LOAD 0                          ; job
    .loc 0 282 21                       ; examples/compute_market.contract:282:21
  1650  KEY
    .loc 0 282 37                       ; examples/compute_market.contract:282:37
  1651  LOAD 2
    .loc 0 282 21                       ; examples/compute_market.contract:282:21
  1653  KEY
  1654  PUSH_INT 5
  1656  KEY
  1657  SLOAD 3                         ; bytes
    .loc 0 282 17                       ; examples/compute_market.contract:282:17
  1659  LEN
    .loc 0 282 59                       ; examples/compute_market.contract:282:59
  1660  PUSH_INT 0
    .loc 0 282 56                       ; examples/compute_market.contract:282:56
  1662  EQ
    .loc 0 282 9                        ; examples/compute_market.contract:282:9
  1663  JUMP_IF_TRUE L1670
    .loc 0 282 62                       ; examples/compute_market.contract:282:62
  1666  PUSH_CONST 44                   ; "already delivered"
    .loc 0 282 9                        ; examples/compute_market.contract:282:9
  1669  REVERT
    .loc 0 283 9                        ; examples/compute_market.contract:283:9
L1670:
  1670  PUSH_CONST 26                   ; 0x01
    .loc 0 283 20                       ; examples/compute_market.contract:283:20
  1673  LOAD 0                          ; job
    .loc 0 283 9                        ; examples/compute_market.contract:283:9
  1675  KEY
    .loc 0 283 25                       ; examples/compute_market.contract:283:25
  1676  LOAD 2
    .loc 0 283 9                        ; examples/compute_market.contract:283:9
  1678  KEY
  1679  PUSH_INT 5
  1681  KEY
    .loc 0 283 45                       ; examples/compute_market.contract:283:45
  1682  LOAD 1                          ; result_blob
    .loc 0 283 9                        ; examples/compute_market.contract:283:9
  1684  SSTORE
    .loc 0 284 30                       ; examples/compute_market.contract:284:30
  1685  LOAD 0                          ; job
    .loc 0 284 35                       ; examples/compute_market.contract:284:35
  1687  CALLER
    .loc 0 284 47                       ; examples/compute_market.contract:284:47
  1688  LOAD 1                          ; result_blob
    .loc 0 284 9                        ; examples/compute_market.contract:284:9
  1690  EMIT 15                         ; ResultDelivered
    .loc 0 276 50                       ; examples/compute_market.contract:276:50
  1693  RET

.function 10 finalize(job: int) locals 11 pub
    .loc 0 289 21                       ; examples/compute_market.contract:289:21
  1694  LOAD 0                          ; job
    .loc 0 289 9                        ; examples/compute_market.contract:289:9
  1696  CALL 24                         ; require_job
    .loc 0 290 17                       ; examples/compute_market.contract:290:17
  1699  PUSH_CONST 10                   ; 0x00
    .loc 0 290 22                       ; examples/compute_market.contract:290:22
  1702  LOAD 0                          ; job
    .loc 0 290 17                       ; examples/compute_market.contract:290:17
  1704  OVER
  1705  SLOAD 0                         ; int
  1707  CHECK_INDEX
  1708  KEY
  1709  PUSH_INT 11
  1711  KEY
  1712  SLOAD 0                         ; int
    .loc 0 290 36                       ; examples/compute_market.contract:290:36
  1714  PUSH_INT 0
    .loc 0 290 33                       ; examples/compute_market.contract:290:33
  1716  EQ
    .loc 0 290 9                        ; examples/compute_market.contract:290:9
  1717  JUMP_IF_TRUE L1724
    .loc 0 290 42                       ; examples/compute_market.contract:290:42
  1720  PUSH_CONST 18                   ; "job is settled"
    .loc 0 290 9                        ; examples/compute_market.contract:290:9
  1723  REVERT
    .loc 0 291 45                       ; examples/compute_market.contract:291:45
L1724:
  1724  LOAD 0                          ; job
    .loc 0 291 33                       ; examples/compute_market.contract:291:33
  1726  CALL 26                         ; reveal_open
    .loc 0 291 50                       ; examples/compute_market.contract:291:50
  1729  DUP
  1730  JUMP_IF_FALSE L1765
  1733  POP
    .loc 0 291 53                       ; examples/compute_market.contract:291:53
  1734  PUSH_CONST 10                   ; 0x00
    .loc 0 291 58                       ; examples/compute_market.contract:291:58
  1737  LOAD 0                          ; job
    .loc 0 291 53                       ; examples/compute_market.contract:291:53
  1739  OVER
  1740  SLOAD 0                         ; int
  1742  CHECK_INDEX
  1743  KEY
  1744  PUSH_INT 10
  1746  KEY
  1747  SLOAD 0                         ; int
    .loc 0 291 75                       ; examples/compute_market.contract:291:75
  1749  PUSH_CONST 10                   ; 0x00
    .loc 0 291 80                       ; examples/compute_market.contract:291:80
  1752  LOAD 0                          ; job
    .loc 0 291 75                       ; examples/compute_market.contract:291:75
  1754  OVER
  1755  SLOAD 0                         ; int
  1757  CHECK_INDEX
  1758  KEY
  1759  PUSH_INT 9
  1761  KEY
  1762  SLOAD 0                         ; int
    .loc 0 291 72                       ; examples/compute_market.contract:291:72
  1764  EQ
    .loc 0 291 9                        ; examples/compute_market.contract:291:9
L1765:
  1765  STORE 1
    .loc 0 292 17                       ; examples/compute_market.contract:292:17
  1767  BLOCK_NUMBER
    .loc 0 292 32                       ; examples/compute_market.contract:292:32
  1768  PUSH_CONST 10                   ; 0x00
    .loc 0 292 37                       ; examples/compute_market.contract:292:37
  1771  LOAD 0                          ; job
    .loc 0 292 32                       ; examples/compute_market.contract:292:32
  1773  OVER
  1774  SLOAD 0                         ; int
  1776  CHECK_INDEX
  1777  KEY
  1778  PUSH_INT 7
  1780  KEY
  1781  SLOAD 0                         ; int
    .loc 0 292 30                       ; examples/compute_market.contract:292:30
  1783  GT
    .loc 0 292 58                       ; examples/compute_market.contract:292:58
  1784  DUP
  1785  JUMP_IF_TRUE L1791
  1788  POP
    .loc 0 292 61                       ; examples/compute_market.contract:292:61
  1789  LOAD 1
    .loc 0 292 9                        ; examples/compute_market.contract:292:9
L1791:
  1791  JUMP_IF_TRUE L1798
    .loc 0 293 17                       ; examples/compute_market.contract:293:17
  1794  PUSH_CONST 45                   ; "reveal phase is not over"
    .loc 0 292 9                        ; examples/compute_market.contract:292:9
  1797  REVERT
    .loc 0 295 22                       ; examples/compute_market.contract:295:22
L1798:
  1798  PUSH_CONST 10                   ; 0x00
    .loc 0 295 27                       ; examples/compute_market.contract:295:27
  1801  LOAD 0                          ; job
    .loc 0 295 22                       ; examples/compute_market.contract:295:22
  1803  OVER
  1804  SLOAD 0                         ; int
  1806  CHECK_INDEX
  1807  KEY
  1808  PUSH_INT 0
  1810  KEY
  1811  SLOAD 2                         ; address
    .loc 0 295 9                        ; examples/compute_market.contract:295:9
  1813  STORE 2
    .loc 0 296 21                       ; examples/compute_market.contract:296:21
  1815  PUSH_CONST 10                   ; 0x00
    .loc 0 296 26                       ; examples/compute_market.contract:296:26
  1818  LOAD 0                          ; job
    .loc 0 296 21                       ; examples/compute_market.contract:296:21
  1820  OVER
  1821  SLOAD 0                         ; int
  1823  CHECK_INDEX
  1824  KEY
  1825  PUSH_INT 5
  1827  KEY
  1828  SLOAD 0                         ; int
    .loc 0 296 9                        ; examples/compute_market.contract:296:9
  1830  STORE 3
    .loc 0 297 22                       ; examples/compute_market.contract:297:22
  1832  PUSH_CONST 10                   ; 0x00
    .loc 0 297 27                       ; examples/compute_market.contract:297:27
  1835  LOAD 0                          ; job
    .loc 0 297 22                       ; examples/compute_market.contract:297:22
  1837  OVER
  1838  SLOAD 0                         ; int
  1840  CHECK_INDEX
  1841  KEY
  1842  PUSH_INT 12
  1844  KEY
  1845  SLOAD 3                         ; bytes
    .loc 0 297 9                        ; examples/compute_market.contract:297:9
  1847  STORE 4
    .loc 0 298 26                       ; examples/compute_market.contract:298:26
  1849  LOAD 4
    .loc 0 298 22                       ; examples/compute_market.contract:298:22
  1851  LEN
    .loc 0 298 36                       ; examples/compute_market.contract:298:36
  1852  PUSH_INT 0
    .loc 0 298 34                       ; examples/compute_market.contract:298:34
  1854  GT
    .loc 0 298 9                        ; examples/compute_market.contract:298:9
  1855  STORE 5
    .loc 0 299 21                       ; examples/compute_market.contract:299:21
  1857  PUSH_INT 0
    .loc 0 299 9                        ; examples/compute_market.contract:299:9
  1859  STORE 6
    .loc 0 300 12                       ; examples/compute_market.contract:300:12
  1861  LOAD 5
    .loc 0 300 9                        ; examples/compute_market.contract:300:9
  1863  JUMP_IF_FALSE L1955
    .loc 0 301 13                       ; examples/compute_market.contract:301:13
  1866  PUSH_CONST 10                   ; 0x00
    .loc 0 301 18                       ; examples/compute_market.contract:301:18
  1869  LOAD 0                          ; job
    .loc 0 301 13                       ; examples/compute_market.contract:301:13
  1871  OVER
  1872  SLOAD 0                         ; int
  1874  CHECK_INDEX
  1875  KEY
  1876  PUSH_INT 11
  1878  KEY
    .loc 0 301 31                       ; examples/compute_market.contract:301:31
  1879  PUSH_INT 1
    .loc 0 301 13                       ; examples/compute_market.contract:301:13
  1881  SSTORE
    .loc 0 302 21                       ; examples/compute_market.contract:302:21
  1882  PUSH_CONST 10                   ; 0x00
    .loc 0 302 26                       ; examples/compute_market.contract:302:26
  1885  LOAD 0                          ; job
    .loc 0 302 21                       ; examples/compute_market.contract:302:21
  1887  OVER
  1888  SLOAD 0                         ; int
  1890  CHECK_INDEX
  1891  KEY
  1892  PUSH_INT 1
  1894  KEY
  1895  SLOAD 0                         ; int
    .loc 0 302 41                       ; examples/compute_market.contract:302:41
  1897  PUSH_CONST 41                   ; 0x04
    .loc 0 302 50                       ; examples/compute_market.contract:302:50
  1900  LOAD 0                          ; job
    .loc 0 302 41                       ; examples/compute_market.contract:302:41
  1902  KEY
    .loc 0 302 55                       ; examples/compute_market.contract:302:55
  1903  LOAD 4
    .loc 0 302 41                       ; examples/compute_market.contract:302:41
  1905  KEY
  1906  SLOAD 0                         ; int
    .loc 0 302 39                       ; examples/compute_market.contract:302:39
  1908  DIV
    .loc 0 302 13                       ; examples/compute_market.contract:302:13
  1909  STORE 6
    .loc 0 304 13                       ; examples/compute_market.contract:304:13
  1911  PUSH_CONST 46                   ; 0x05
    .loc 0 304 21                       ; examples/compute_market.contract:304:21
  1914  LOAD 2
    .loc 0 304 13                       ; examples/compute_market.contract:304:13
  1916  KEY
  1917  DUP
  1918  SLOAD 0                         ; int
    .loc 0 304 32                       ; examples/compute_market.contract:304:32
  1920  PUSH_CONST 10                   ; 0x00
    .loc 0 304 37                       ; examples/compute_market.contract:304:37
  1923  LOAD 0                          ; job
    .loc 0 304 32                       ; examples/compute_market.contract:304:32
  1925  OVER
  1926  SLOAD 0                         ; int
  1928  CHECK_INDEX
  1929  KEY
  1930  PUSH_INT 1
  1932  KEY
  1933  SLOAD 0                         ; int
    .loc 0 304 52                       ; examples/compute_market.contract:304:52
  1935  LOAD 6
    .loc 0 304 60                       ; examples/compute_market.contract:304:60
  1937  PUSH_CONST 41                   ; 0x04
    .loc 0 304 69                       ; examples/compute_market.contract:304:69
  1940  LOAD 0                          ; job
    .loc 0 304 60                       ; examples/compute_market.contract:304:60
  1942  KEY
    .loc 0 304 74                       ; examples/compute_market.contract:304:74
  1943  LOAD 4
    .loc 0 304 60                       ; examples/compute_market.contract:304:60
  1945  KEY
  1946  SLOAD 0                         ; int
    .loc 0 304 58                       ; examples/compute_market.contract:304:58
  1948  MUL
    .loc 0 304 50                       ; examples/compute_market.contract:304:50
  1949  SUB
    .loc 0 304 13                       ; examples/compute_market.contract:304:13
  1950  ADD
  1951  SSTORE
    .loc 0 300 9                        ; examples/compute_market.contract:300:9
  1952  JUMP L1997
    .loc 0 306 13                       ; examples/compute_market.contract:306:13
L1955:
  1955  PUSH_CONST 10                   ; 0x00
    .loc 0 306 18                       ; examples/compute_market.contract:306:18
  1958  LOAD 0                          ; job
    .loc 0 306 13                       ; examples/compute_market.contract:306:13
  1960  OVER
  1961  SLOAD 0                         ; int
  1963  CHECK_INDEX
  1964  KEY
  1965  PUSH_INT 11
  1967  KEY
    .loc 0 306 31                       ; examples/compute_market.contract:306:31
  1968  PUSH_INT 2
    .loc 0 306 13                       ; examples/compute_market.contract:306:13
  1970  SSTORE
    .loc 0 307 13                       ; examples/compute_market.contract:307:13
  1971  PUSH_CONST 46                   ; 0x05
    .loc 0 307 21                       ; examples/compute_market.contract:307:21
  1974  LOAD 2
    .loc 0 307 13                       ; examples/compute_market.contract:307:13
  1976  KEY
  1977  DUP
  1978  SLOAD 0                         ; int
    .loc 0 307 32                       ; examples/compute_market.contract:307:32
  1980  PUSH_CONST 10                   ; 0x00
    .loc 0 307 37                       ; examples/compute_market.contract:307:37
  1983  LOAD 0                          ; job
    .loc 0 307 32                       ; examples/compute_market.contract:307:32
  1985  OVER
  1986  SLOAD 0                         ; int
  1988  CHECK_INDEX
  1989  KEY
  1990  PUSH_INT 1
  1992  KEY
  1993  SLOAD 0                         ; int
    .loc 0 307 13                       ; examples/compute_market.contract:307:13
  1995  ADD
  1996  SSTORE
    .loc 0 310 9                        ; examples/compute_market.contract:310:9
L1997:
  1997  PUSH_INT 0
  1999  STORE 7
    .loc 0 310 24                       ; examples/compute_market.contract:310:24
  2001  PUSH_CONST 10                   ; 0x00
    .loc 0 310 29                       ; examples/compute_market.contract:310:29
  2004  LOAD 0                          ; job
    .loc 0 310 24                       ; examples/compute_market.contract:310:24
  2006  OVER
  2007  SLOAD 0                         ; int
  2009  CHECK_INDEX
  2010  KEY
  2011  PUSH_INT 8
  2013  KEY
  2014  SLOAD 0                         ; int
    .loc 0 310 9                        ; examples/compute_market.contract:310:9
  2016  STORE 8
L2018:
  2018  LOAD 7
  2020  LOAD 8
  2022  LT
  2023  JUMP_IF_FALSE L2177
    .loc 0 311 26                       ; examples/compute_market.contract:311:26
  2026  PUSH_CONST 26                   ; 0x01
    .loc 0 311 37                       ; examples/compute_market.contract:311:37
  2029  LOAD 0                          ; job
    .loc 0 311 26                       ; examples/compute_market.contract:311:26
  2031  KEY
    .loc 0 311 42                       ; examples/compute_market.contract:311:42
  2032  LOAD 7
    .loc 0 311 26                       ; examples/compute_market.contract:311:26
  2034  KEY
  2035  PUSH_INT 0
  2037  KEY
  2038  SLOAD 2                         ; address
    .loc 0 311 13                       ; examples/compute_market.contract:311:13
  2040  STORE 9
    .loc 0 312 28                       ; examples/compute_market.contract:312:28
  2042  PUSH_CONST 26                   ; 0x01
    .loc 0 312 39                       ; examples/compute_market.contract:312:39
  2045  LOAD 0                          ; job
    .loc 0 312 28                       ; examples/compute_market.contract:312:28
  2047  KEY
    .loc 0 312 44                       ; examples/compute_market.contract:312:44
  2048  LOAD 7
    .loc 0 312 28                       ; examples/compute_market.contract:312:28
  2050  KEY
  2051  PUSH_INT 2
  2053  KEY
  2054  SLOAD 3                         ; bytes
    .loc 0 312 13                       ; examples/compute_market.contract:312:13
  2056  STORE 10
    .loc 0 313 16                       ; examples/compute_market.contract:313:16
  2058  LOAD 5
    .loc 0 313 23                       ; examples/compute_market.contract:313:23
  2060  DUP
  2061  JUMP_IF_FALSE L2070
  2064  POP
    .loc 0 313 26                       ; examples/compute_market.contract:313:26
  2065  LOAD 10
    .loc 0 313 38                       ; examples/compute_market.contract:313:38
  2067  LOAD 4
    .loc 0 313 35                       ; examples/compute_market.contract:313:35
  2069  EQ
    .loc 0 313 13                       ; examples/compute_market.contract:313:13
L2070:
  2070  JUMP_IF_FALSE L2103
    .loc 0 314 17                       ; examples/compute_market.contract:314:17
  2073  PUSH_CONST 46                   ; 0x05
    .loc 0 314 25                       ; examples/compute_market.contract:314:25
  2076  LOAD 9
    .loc 0 314 17                       ; examples/compute_market.contract:314:17
  2078  KEY
  2079  DUP
  2080  SLOAD 0                         ; int
    .loc 0 314 36                       ; examples/compute_market.contract:314:36
  2082  LOAD 6
    .loc 0 314 44                       ; examples/compute_market.contract:314:44
  2084  LOAD 3
    .loc 0 314 42                       ; examples/compute_market.contract:314:42
  2086  ADD
    .loc 0 314 17                       ; examples/compute_market.contract:314:17
  2087  ADD
  2088  SSTORE
    .loc 0 315 33                       ; examples/compute_market.contract:315:33
  2089  LOAD 0                          ; job
    .loc 0 315 38                       ; examples/compute_market.contract:315:38
  2091  LOAD 9
    .loc 0 315 46                       ; examples/compute_market.contract:315:46
  2093  LOAD 6
    .loc 0 315 53                       ; examples/compute_market.contract:315:53
  2095  LOAD 3
    .loc 0 315 17                       ; examples/compute_market.contract:315:17
  2097  EMIT 5                          ; WorkerPaid
    .loc 0 313 13                       ; examples/compute_market.contract:313:13
  2100  JUMP L2167
    .loc 0 316 24                       ; examples/compute_market.contract:316:24
L2103:
  2103  LOAD 5
    .loc 0 316 23                       ; examples/compute_market.contract:316:23
  2105  NOT
    .loc 0 316 31                       ; examples/compute_market.contract:316:31
  2106  DUP
  2107  JUMP_IF_FALSE L2117
  2110  POP
    .loc 0 316 38                       ; examples/compute_market.contract:316:38
  2111  LOAD 10
    .loc 0 316 34                       ; examples/compute_market.contract:316:34
  2113  LEN
    .loc 0 316 50                       ; examples/compute_market.contract:316:50
  2114  PUSH_INT 0
    .loc 0 316 48                       ; examples/compute_market.contract:316:48
  2116  GT
    .loc 0 316 20                       ; examples/compute_market.contract:316:20
L2117:
  2117  JUMP_IF_FALSE L2145
    .loc 0 317 17                       ; examples/compute_market.contract:317:17
  2120  PUSH_CONST 46                   ; 0x05
    .loc 0 317 25                       ; examples/compute_market.contract:317:25
  2123  LOAD 9
    .loc 0 317 17                       ; examples/compute_market.contract:317:17
  2125  KEY
  2126  DUP
  2127  SLOAD 0                         ; int
    .loc 0 317 36                       ; examples/compute_market.contract:317:36
  2129  LOAD 3
    .loc 0 317 17                       ; examples/compute_market.contract:317:17
  2131  ADD
  2132  SSTORE
    .loc 0 318 36                       ; examples/compute_market.contract:318:36
  2133  LOAD 0                          ; job
    .loc 0 318 41                       ; examples/compute_market.contract:318:41
  2135  LOAD 9
    .loc 0 318 49                       ; examples/compute_market.contract:318:49
  2137  LOAD 3
    .loc 0 318 17                       ; examples/compute_market.contract:318:17
  2139  EMIT 7                          ; StakeReturned
    .loc 0 316 20                       ; examples/compute_market.contract:316:20
  2142  JUMP L2167
    .loc 0 320 17                       ; examples/compute_market.contract:320:17
L2145:
  2145  PUSH_CONST 46                   ; 0x05
    .loc 0 320 25                       ; examples/compute_market.contract:320:25
  2148  LOAD 2
    .loc 0 320 17                       ; examples/compute_market.contract:320:17
  2150  KEY
  2151  DUP
  2152  SLOAD 0                         ; int
    .loc 0 320 36                       ; examples/compute_market.contract:320:36
  2154  LOAD 3
    .loc 0 320 17                       ; examples/compute_market.contract:320:17
  2156  ADD
  2157  SSTORE
    .loc 0 321 37                       ; examples/compute_market.contract:321:37
  2158  LOAD 0                          ; job
    .loc 0 321 42                       ; examples/compute_market.contract:321:42
  2160  LOAD 9
    .loc 0 321 50                       ; examples/compute_market.contract:321:50
  2162  LOAD 3
    .loc 0 321 17                       ; examples/compute_market.contract:321:17
  2164  EMIT 6                          ; StakeForfeited
    .loc 0 310 9                        ; examples/compute_market.contract:310:9
L2167:
  2167  LOAD 7
  2169  PUSH_INT 1
  2171  ADD
  2172  STORE 7
  2174  JUMP L2018
    .loc 0 325 12                       ; examples/compute_market.contract:325:12
L2177:
  2177  LOAD 5
    .loc 0 325 9                        ; examples/compute_market.contract:325:9
  2179  JUMP_IF_FALSE L2205
    .loc 0 326 26                       ; examples/compute_market.contract:326:26
  2182  LOAD 0                          ; job
    .loc 0 326 31                       ; examples/compute_market.contract:326:31
  2184  LOAD 4
    .loc 0 326 39                       ; examples/compute_market.contract:326:39
  2186  PUSH_CONST 41                   ; 0x04
    .loc 0 326 48                       ; examples/compute_market.contract:326:48
  2189  LOAD 0                          ; job
    .loc 0 326 39                       ; examples/compute_market.contract:326:39
  2191  KEY
    .loc 0 326 53                       ; examples/compute_market.contract:326:53
  2192  LOAD 4
    .loc 0 326 39                       ; examples/compute_market.contract:326:39
  2194  KEY
  2195  SLOAD 0                         ; int
    .loc 0 326 62                       ; examples/compute_market.contract:326:62
  2197  LOAD 6
    .loc 0 326 13                       ; examples/compute_market.contract:326:13
  2199  EMIT 8                          ; JobPaid
    .loc 0 325 9                        ; examples/compute_market.contract:325:9
  2202  JUMP L2225
    .loc 0 328 28                       ; examples/compute_market.contract:328:28
L2205:
  2205  LOAD 0                          ; job
    .loc 0 328 33                       ; examples/compute_market.contract:328:33
  2207  PUSH_CONST 10                   ; 0x00
    .loc 0 328 38                       ; examples/compute_market.contract:328:38
  2210  LOAD 0                          ; job
    .loc 0 328 33                       ; examples/compute_market.contract:328:33
  2212  OVER
  2213  SLOAD 0                         ; int
  2215  CHECK_INDEX
  2216  KEY
  2217  PUSH_INT 1
  2219  KEY
  2220  SLOAD 0                         ; int
    .loc 0 328 13                       ; examples/compute_market.contract:328:13
  2222  EMIT 9                          ; JobFailed
    .loc 0 288 31                       ; examples/compute_market.contract:288:31
L2225:
  2225  RET

.function 11 withdraw() -> int locals 1 pub
    .loc 0 334 22                       ; examples/compute_market.contract:334:22
  2226  PUSH_CONST 46                   ; 0x05
    .loc 0 334 30                       ; examples/compute_market.contract:334:30
  2229  CALLER
    .loc 0 334 22                       ; examples/compute_market.contract:334:22
  2230  KEY
  2231  SLOAD 0                         ; int
    .loc 0 334 9                        ; examples/compute_market.contract:334:9
  2233  STORE 0
    .loc 0 335 17                       ; examples/compute_market.contract:335:17
  2235  LOAD 0
    .loc 0 335 26                       ; examples/compute_market.contract:335:26
  2237  PUSH_INT 0
    .loc 0 335 24                       ; examples/compute_market.contract:335:24
  2239  GT
    .loc 0 335 9                        ; examples/compute_market.contract:335:9
  2240  JUMP_IF_TRUE L2247
    .loc 0 335 29                       ; examples/compute_market.contract:335:29
  2243  PUSH_CONST 47                   ; "nothing to withdraw"
    .loc 0 335 9                        ; examples/compute_market.contract:335:9
  2246  REVERT
    .loc 0 336 9                        ; examples/compute_market.contract:336:9
L2247:
  2247  PUSH_CONST 46                   ; 0x05
    .loc 0 336 17                       ; examples/compute_market.contract:336:17
  2250  CALLER
    .loc 0 336 9                        ; examples/compute_market.contract:336:9
  2251  KEY
    .loc 0 336 31                       ; examples/compute_market.contract:336:31
  2252  PUSH_INT 0
    .loc 0 336 9                        ; examples/compute_market.contract:336:9
  2254  SSTORE
    .loc 0 337 18                       ; examples/compute_market.contract:337:18
  2255  CALLER
    .loc 0 337 30                       ; examples/compute_market.contract:337:30
  2256  LOAD 0
    .loc 0 337 9                        ; examples/compute_market.contract:337:9
  2258  TRANSFER
    .loc 0 338 24                       ; examples/compute_market.contract:338:24
  2259  CALLER
    .loc 0 338 36                       ; examples/compute_market.contract:338:36
  2260  LOAD 0
    .loc 0 338 9                        ; examples/compute_market.contract:338:9
  2262  EMIT 10                         ; Withdrawn
    .loc 0 339 16                       ; examples/compute_market.contract:339:16
  2265  LOAD 0
    .loc 0 339 9                        ; examples/compute_market.contract:339:9
  2267  RET

.function 12 job_count() -> int locals 0 pub view
    .loc 0 343 20                       ; examples/compute_market.contract:343:20
  2268  PUSH_CONST 10                   ; 0x00
    .loc 0 343 16                       ; examples/compute_market.contract:343:16
  2271  SLOAD 0                         ; int
    .loc 0 343 9                        ; examples/compute_market.contract:343:9
  2273  RET

.function 13 get_job(job: int) -> Job{client: address, payment: int, input_hash: bytes, seats: int, quorum: int, stake: int, commit_deadline: int, reveal_deadline: int, joined: int, committed: int, revealed: int, state: int, result_hash: bytes, runner: bytes, input_blob: bytes, client_key: bytes} locals 2 pub view
    .loc 0 347 21                       ; examples/compute_market.contract:347:21
  2274  LOAD 0                          ; job
    .loc 0 347 9                        ; examples/compute_market.contract:347:9
  2276  CALL 24                         ; require_job
    .loc 0 348 16                       ; examples/compute_market.contract:348:16
  2279  PUSH_CONST 10                   ; 0x00
    .loc 0 348 21                       ; examples/compute_market.contract:348:21
  2282  LOAD 0                          ; job
    .loc 0 348 16                       ; examples/compute_market.contract:348:16
  2284  OVER
  2285  SLOAD 0                         ; int
  2287  CHECK_INDEX
  2288  KEY
  2289  STORE 1
  2291  LOAD 1
  2293  PUSH_INT 0
  2295  KEY
  2296  SLOAD 2                         ; address
  2298  LOAD 1
  2300  PUSH_INT 1
  2302  KEY
  2303  SLOAD 0                         ; int
  2305  LOAD 1
  2307  PUSH_INT 2
  2309  KEY
  2310  SLOAD 3                         ; bytes
  2312  LOAD 1
  2314  PUSH_INT 3
  2316  KEY
  2317  SLOAD 0                         ; int
  2319  LOAD 1
  2321  PUSH_INT 4
  2323  KEY
  2324  SLOAD 0                         ; int
  2326  LOAD 1
  2328  PUSH_INT 5
  2330  KEY
  2331  SLOAD 0                         ; int
  2333  LOAD 1
  2335  PUSH_INT 6
  2337  KEY
  2338  SLOAD 0                         ; int
  2340  LOAD 1
  2342  PUSH_INT 7
  2344  KEY
  2345  SLOAD 0                         ; int
  2347  LOAD 1
  2349  PUSH_INT 8
  2351  KEY
  2352  SLOAD 0                         ; int
  2354  LOAD 1
  2356  PUSH_INT 9
  2358  KEY
  2359  SLOAD 0                         ; int
  2361  LOAD 1
  2363  PUSH_INT 10
  2365  KEY
  2366  SLOAD 0                         ; int
  2368  LOAD 1
  2370  PUSH_INT 11
  2372  KEY
  2373  SLOAD 0                         ; int
  2375  LOAD 1
  2377  PUSH_INT 12
  2379  KEY
  2380  SLOAD 3                         ; bytes
  2382  LOAD 1
  2384  PUSH_INT 13
  2386  KEY
  2387  SLOAD 3                         ; bytes
  2389  LOAD 1
  2391  PUSH_INT 14
  2393  KEY
  2394  SLOAD 3                         ; bytes
  2396  LOAD 1
  2398  PUSH_INT 15
  2400  KEY
  2401  SLOAD 3                         ; bytes
  2403  MAKE_STRUCT 16
    .loc 0 348 9                        ; examples/compute_market.contract:348:9
  2405  RET

.function 14 job_state(job: int) -> int locals 1 pub view
    .loc 0 352 21                       ; examples/compute_market.contract:352:21
  2406  LOAD 0                          ; job
    .loc 0 352 9                        ; examples/compute_market.contract:352:9
  2408  CALL 24                         ; require_job
    .loc 0 353 16                       ; examples/compute_market.contract:353:16
  2411  PUSH_CONST 10                   ; 0x00
    .loc 0 353 21                       ; examples/compute_market.contract:353:21
  2414  LOAD 0                          ; job
    .loc 0 353 16                       ; examples/compute_market.contract:353:16
  2416  OVER
  2417  SLOAD 0                         ; int
  2419  CHECK_INDEX
  2420  KEY
  2421  PUSH_INT 11
  2423  KEY
  2424  SLOAD 0                         ; int
    .loc 0 353 9                        ; examples/compute_market.contract:353:9
  2426  RET

.function 15 job_result(job: int) -> bytes locals 1 pub view
    .loc 0 357 21                       ; examples/compute_market.contract:357:21
  2427  LOAD 0                          ; job
    .loc 0 357 9                        ; examples/compute_market.contract:357:9
  2429  CALL 24                         ; require_job
    .loc 0 358 16                       ; examples/compute_market.contract:358:16
  2432  PUSH_CONST 10                   ; 0x00
    .loc 0 358 21                       ; examples/compute_market.contract:358:21
  2435  LOAD 0                          ; job
    .loc 0 358 16                       ; examples/compute_market.contract:358:16
  2437  OVER
  2438  SLOAD 0                         ; int
  2440  CHECK_INDEX
  2441  KEY
  2442  PUSH_INT 12
  2444  KEY
  2445  SLOAD 3                         ; bytes
    .loc 0 358 9                        ; examples/compute_market.contract:358:9
  2447  RET

.function 16 get_seat(job: int, index: int) -> Seat{worker: address, commitment: bytes, result_hash: bytes, enc_key: bytes, wrapped_key: bytes, result_blob: bytes} locals 3 pub view
    .loc 0 362 21                       ; examples/compute_market.contract:362:21
  2448  LOAD 0                          ; job
    .loc 0 362 9                        ; examples/compute_market.contract:362:9
  2450  CALL 24                         ; require_job
    .loc 0 363 17                       ; examples/compute_market.contract:363:17
  2453  LOAD 1                          ; index
    .loc 0 363 26                       ; examples/compute_market.contract:363:26
  2455  PUSH_INT 0
    .loc 0 363 23                       ; examples/compute_market.contract:363:23
  2457  GE
    .loc 0 363 28                       ; examples/compute_market.contract:363:28
  2458  DUP
  2459  JUMP_IF_FALSE L2481
  2462  POP
    .loc 0 363 31                       ; examples/compute_market.contract:363:31
  2463  LOAD 1                          ; index
    .loc 0 363 39                       ; examples/compute_market.contract:363:39
  2465  PUSH_CONST 10                   ; 0x00
    .loc 0 363 44                       ; examples/compute_market.contract:363:44
  2468  LOAD 0                          ; job
    .loc 0 363 39                       ; examples/compute_market.contract:363:39
  2470  OVER
  2471  SLOAD 0                         ; int
  2473  CHECK_INDEX
  2474  KEY
  2475  PUSH_INT 8
  2477  KEY
  2478  SLOAD 0                         ; int
    .loc 0 363 37                       ; examples/compute_market.contract:363:37
  2480  LT
    .loc 0 363 9                        ; examples/compute_market.contract:363:9
L2481:
  2481  JUMP_IF_TRUE L2488
    .loc 0 363 57                       ; examples/compute_market.contract:363:57
  2484  PUSH_CONST 29                   ; "no such seat"
    .loc 0 363 9                        ; examples/compute_market.contract:363:9
  2487  REVERT
    .loc 0 364 16                       ; examples/compute_market.contract:364:16
L2488:
  2488  PUSH_CONST 26                   ; 0x01
    .loc 0 364 27                       ; examples/compute_market.contract:364:27
  2491  LOAD 0                          ; job
    .loc 0 364 16                       ; examples/compute_market.contract:364:16
  2493  KEY
    .loc 0 364 32                       ; examples/compute_market.contract:364:32
  2494  LOAD 1                          ; index
    .loc 0 364 16                       ; examples/compute_market.contract:364:16
  2496  KEY
  2497  STORE 2
  2499  LOAD 2
  2501  PUSH_INT 0
  2503  KEY
  2504  SLOAD 2                         ; address
  2506  LOAD 2
  2508  PUSH_INT 1
  2510  KEY
  2511  SLOAD 3                         ; bytes
  2513  LOAD 2
  2515  PUSH_INT 2
  2517  KEY
  2518  SLOAD 3                         ; bytes
  2520  LOAD 2
  2522  PUSH_INT 3
  2524  KEY
  2525  SLOAD 3                         ; bytes
  2527  LOAD 2
  2529  PUSH_INT 4
  2531  KEY
  2532  SLOAD 3                         ; bytes
  2534  LOAD 2
  2536  PUSH_INT 5
  2538  KEY
  2539  SLOAD 3                         ; bytes
  2541  MAKE_STRUCT 6
    .loc 0 364 9                        ; examples/compute_market.contract:364:9
  2543  RET

.function 17 worker_count() -> int locals 0 pub view
    .loc 0 368 20                       ; examples/compute_market.contract:368:20
  2544  PUSH_CONST 16                   ; 0x08
    .loc 0 368 16                       ; examples/compute_market.contract:368:16
  2547  SLOAD 0                         ; int
    .loc 0 368 9                        ; examples/compute_market.contract:368:9
  2549  RET

.function 18 worker_at(index: int) -> address locals 1 pub view
    .loc 0 372 17                       ; examples/compute_market.contract:372:17
  2550  LOAD 0                          ; index
    .loc 0 372 26                       ; examples/compute_market.contract:372:26
  2552  PUSH_INT 0
    .loc 0 372 23                       ; examples/compute_market.contract:372:23
  2554  GE
    .loc 0 372 28                       ; examples/compute_market.contract:372:28
  2555  DUP
  2556  JUMP_IF_FALSE L2568
  2559  POP
    .loc 0 372 31                       ; examples/compute_market.contract:372:31
  2560  LOAD 0                          ; index
    .loc 0 372 43                       ; examples/compute_market.contract:372:43
  2562  PUSH_CONST 16                   ; 0x08
    .loc 0 372 39                       ; examples/compute_market.contract:372:39
  2565  SLOAD 0                         ; int
    .loc 0 372 37                       ; examples/compute_market.contract:372:37
  2567  LT
    .loc 0 372 9                        ; examples/compute_market.contract:372:9
L2568:
  2568  JUMP_IF_TRUE L2575
    .loc 0 372 57                       ; examples/compute_market.contract:372:57
  2571  PUSH_CONST 48                   ; "no such worker"
    .loc 0 372 9                        ; examples/compute_market.contract:372:9
  2574  REVERT
    .loc 0 373 16                       ; examples/compute_market.contract:373:16
L2575:
  2575  PUSH_CONST 16                   ; 0x08
    .loc 0 373 28                       ; examples/compute_market.contract:373:28
  2578  LOAD 0                          ; index
    .loc 0 373 16                       ; examples/compute_market.contract:373:16
  2580  OVER
  2581  SLOAD 0                         ; int
  2583  CHECK_INDEX
  2584  KEY
  2585  SLOAD 2                         ; address
    .loc 0 373 9                        ; examples/compute_market.contract:373:9
  2587  RET

.function 19 encryption_key(worker: address) -> bytes locals 1 pub view
    .loc 0 377 16                       ; examples/compute_market.contract:377:16
  2588  PUSH_CONST 13                   ; 0x06
    .loc 0 377 25                       ; examples/compute_market.contract:377:25
  2591  LOAD 0                          ; worker
    .loc 0 377 16                       ; examples/compute_market.contract:377:16
  2593  KEY
  2594  SLOAD 3                         ; bytes
    .loc 0 377 9                        ; examples/compute_market.contract:377:9
  2596  RET

.function 20 offer_of(worker: address, runner: bytes) -> Offer{min_payment: int, active: bool} locals 3 pub view
    .loc 0 381 16                       ; examples/compute_market.contract:381:16
  2597  PUSH_CONST 14                   ; 0x07
    .loc 0 381 23                       ; examples/compute_market.contract:381:23
  2600  LOAD 0                          ; worker
    .loc 0 381 16                       ; examples/compute_market.contract:381:16
  2602  KEY
    .loc 0 381 31                       ; examples/compute_market.contract:381:31
  2603  LOAD 1                          ; runner
    .loc 0 381 16                       ; examples/compute_market.contract:381:16
  2605  KEY
  2606  STORE 2
  2608  LOAD 2
  2610  PUSH_INT 0
  2612  KEY
  2613  SLOAD 0                         ; int
  2615  LOAD 2
  2617  PUSH_INT 1
  2619  KEY
  2620  SLOAD 1                         ; bool
  2622  MAKE_STRUCT 2
    .loc 0 381 9                        ; examples/compute_market.contract:381:9
  2624  RET

.function 21 credit_of(who: address) -> int locals 1 pub view
    .loc 0 385 16                       ; examples/compute_market.contract:385:16
  2625  PUSH_CONST 46                   ; 0x05
    .loc 0 385 24                       ; examples/compute_market.contract:385:24
  2628  LOAD 0                          ; who
    .loc 0 385 16                       ; examples/compute_market.contract:385:16
  2630  KEY
  2631  SLOAD 0                         ; int
    .loc 0 385 9                        ; examples/compute_market.contract:385:9
  2633  RET

.function 22 is_reveal_open(job: int) -> bool locals 1 pub view
    .loc 0 389 21                       ; examples/compute_market.contract:389:21
  2634  LOAD 0                          ; job
    .loc 0 389 9                        ; examples/compute_market.contract:389:9
  2636  CALL 24                         ; require_job
    .loc 0 390 28                       ; examples/compute_market.contract:390:28
  2639  LOAD 0                          ; job
    .loc 0 390 16                       ; examples/compute_market.contract:390:16
  2641  CALL 26                         ; reveal_open
    .loc 0 390 9                        ; examples/compute_market.contract:390:9
  2644  RET

.function 23 commitment_for(result_hash: bytes, salt: bytes) -> bytes locals 2 pub view
    .loc 0 397 28                       ; examples/compute_market.contract:397:28
  2645  LOAD 0                          ; result_hash
    .loc 0 397 41                       ; examples/compute_market.contract:397:41
  2647  LOAD 1                          ; salt
    .loc 0 397 16                       ; examples/compute_market.contract:397:16
  2649  CALL 29                         ; commit.seal
    .loc 0 397 9                        ; examples/compute_market.contract:397:9
  2652  RET

.function 24 require_job(job: int) locals 1
    .loc 0 401 17                       ; examples/compute_market.contract:401:17
  2653  LOAD 0                          ; job
    .loc 0 401 24                       ; examples/compute_market.contract:401:24
  2655  PUSH_INT 0
    .loc 0 401 21                       ; examples/compute_market.contract:401:21
  2657  GE
    .loc 0 401 26                       ; examples/compute_market.contract:401:26
  2658  DUP
  2659  JUMP_IF_FALSE L2671
  2662  POP
    .loc 0 401 29                       ; examples/compute_market.contract:401:29
  2663  LOAD 0                          ; job
    .loc 0 401 39                       ; examples/compute_market.contract:401:39
  2665  PUSH_CONST 10                   ; 0x00
    .loc 0 401 35                       ; examples/compute_market.contract:401:35
  2668  SLOAD 0                         ; int
    .loc 0 401 33                       ; examples/compute_market.contract:401:33
  2670  LT
    .loc 0 401 9                        ; examples/compute_market.contract:401:9
L2671:
  2671  JUMP_IF_TRUE L2678
    .loc 0 401 46                       ; examples/compute_market.contract:401:46
  2674  PUSH_CONST 49                   ; "no such job"
    .loc 0 401 9                        ; examples/compute_market.contract:401:9
  2677  REVERT
    .loc 0 400 30                       ; examples/compute_market.contract:400:30
L2678:
  2678  RET

.function 25 seat_index(job: int, worker: address) -> int locals 3
    .loc 0 406 21                       ; examples/compute_market.contract:406:21
  2679  PUSH_CONST 21                   ; 0x02
    .loc 0 406 29                       ; examples/compute_market.contract:406:29
  2682  LOAD 0                          ; job
    .loc 0 406 21                       ; examples/compute_market.contract:406:21
  2684  KEY
    .loc 0 406 34                       ; examples/compute_market.contract:406:34
  2685  LOAD 1                          ; worker
    .loc 0 406 21                       ; examples/compute_market.contract:406:21
  2687  KEY
  2688  SLOAD 0                         ; int
    .loc 0 406 9                        ; examples/compute_market.contract:406:9
  2690  STORE 2
    .loc 0 407 17                       ; examples/compute_market.contract:407:17
  2692  LOAD 2
    .loc 0 407 25                       ; examples/compute_market.contract:407:25
  2694  PUSH_INT 0
    .loc 0 407 23                       ; examples/compute_market.contract:407:23
  2696  GT
    .loc 0 407 9                        ; examples/compute_market.contract:407:9
  2697  JUMP_IF_TRUE L2704
    .loc 0 407 28                       ; examples/compute_market.contract:407:28
  2700  PUSH_CONST 50                   ; "not a worker on this job"
    .loc 0 407 9                        ; examples/compute_market.contract:407:9
  2703  REVERT
    .loc 0 408 16                       ; examples/compute_market.contract:408:16
L2704:
  2704  LOAD 2
    .loc 0 408 24                       ; examples/compute_market.contract:408:24
  2706  PUSH_INT 1
    .loc 0 408 22                       ; examples/compute_market.contract:408:22
  2708  SUB
    .loc 0 408 9                        ; examples/compute_market.contract:408:9
  2709  RET

.function 26 reveal_open(job: int) -> bool locals 1
    .loc 0 414 16                       ; examples/compute_market.contract:414:16
  2710  BLOCK_NUMBER
    .loc 0 414 31                       ; examples/compute_market.contract:414:31
  2711  PUSH_CONST 10                   ; 0x00
    .loc 0 414 36                       ; examples/compute_market.contract:414:36
  2714  LOAD 0                          ; job
    .loc 0 414 31                       ; examples/compute_market.contract:414:31
  2716  OVER
  2717  SLOAD 0                         ; int
  2719  CHECK_INDEX
  2720  KEY
  2721  PUSH_INT 6
  2723  KEY
  2724  SLOAD 0                         ; int
    .loc 0 414 29                       ; examples/compute_market.contract:414:29
  2726  GT
    .loc 0 415 13                       ; examples/compute_market.contract:415:13
  2727  DUP
  2728  JUMP_IF_TRUE L2763
  2731  POP
    .loc 0 415 16                       ; examples/compute_market.contract:415:16
  2732  PUSH_CONST 10                   ; 0x00
    .loc 0 415 21                       ; examples/compute_market.contract:415:21
  2735  LOAD 0                          ; job
    .loc 0 415 16                       ; examples/compute_market.contract:415:16
  2737  OVER
  2738  SLOAD 0                         ; int
  2740  CHECK_INDEX
  2741  KEY
  2742  PUSH_INT 9
  2744  KEY
  2745  SLOAD 0                         ; int
    .loc 0 415 39                       ; examples/compute_market.contract:415:39
  2747  PUSH_CONST 10                   ; 0x00
    .loc 0 415 44                       ; examples/compute_market.contract:415:44
  2750  LOAD 0                          ; job
    .loc 0 415 39                       ; examples/compute_market.contract:415:39
  2752  OVER
  2753  SLOAD 0                         ; int
  2755  CHECK_INDEX
  2756  KEY
  2757  PUSH_INT 3
  2759  KEY
  2760  SLOAD 0                         ; int
    .loc 0 415 36                       ; examples/compute_market.contract:415:36
  2762  EQ
    .loc 0 414 9                        ; examples/compute_market.contract:414:9
L2763:
  2763  RET

.function 27 commit.is_hash(b: bytes) -> bool locals 1
    .loc 1 28 16                        ; stdlib/commit.contract:28:16
  2764  LOAD 0                          ; b
    .loc 1 28 12                        ; stdlib/commit.contract:28:12
  2766  LEN
    .loc 1 28 22                        ; stdlib/commit.contract:28:22
  2767  PUSH_INT 32
    .loc 1 28 19                        ; stdlib/commit.contract:28:19
  2769  EQ
    .loc 1 28 5                         ; stdlib/commit.contract:28:5
  2770  RET

.function 28 commit.opens(sealed: bytes, value: bytes, salt: bytes) -> bool locals 3
    .loc 1 21 12                        ; stdlib/commit.contract:21:12
  2771  LOAD 1                          ; value
    .loc 1 21 8                         ; stdlib/commit.contract:21:8
  2773  LEN
    .loc 1 21 22                        ; stdlib/commit.contract:21:22
  2774  PUSH_INT 32
    .loc 1 21 19                        ; stdlib/commit.contract:21:19
  2776  NE
    .loc 1 21 25                        ; stdlib/commit.contract:21:25
  2777  DUP
  2778  JUMP_IF_TRUE L2788
  2781  POP
    .loc 1 21 32                        ; stdlib/commit.contract:21:32
  2782  LOAD 2                          ; salt
    .loc 1 21 28                        ; stdlib/commit.contract:21:28
  2784  LEN
    .loc 1 21 40                        ; stdlib/commit.contract:21:40
  2785  PUSH_INT 16
    .loc 1 21 38                        ; stdlib/commit.contract:21:38
  2787  LT
    .loc 1 21 5                         ; stdlib/commit.contract:21:5
L2788:
  2788  JUMP_IF_FALSE L2793
    .loc 1 22 16                        ; stdlib/commit.contract:22:16
  2791  PUSH_FALSE
    .loc 1 22 9                         ; stdlib/commit.contract:22:9
  2792  RET
    .loc 1 24 19                        ; stdlib/commit.contract:24:19
L2793:
  2793  LOAD 1                          ; value
    .loc 1 24 27                        ; stdlib/commit.contract:24:27
  2795  LOAD 2                          ; salt
    .loc 1 24 25                        ; stdlib/commit.contract:24:25
  2797  CONCAT
    .loc 1 24 12                        ; stdlib/commit.contract:24:12
  2798  SHA256
    .loc 1 24 36                        ; stdlib/commit.contract:24:36
  2799  LOAD 0                          ; sealed
    .loc 1 24 33                        ; stdlib/commit.contract:24:33
  2801  EQ
    .loc 1 24 5                         ; stdlib/commit.contract:24:5
  2802  RET

.function 29 commit.seal(value: bytes, salt: bytes) -> bytes locals 2
    .loc 1 17 19                        ; stdlib/commit.contract:17:19
  2803  LOAD 0                          ; value
    .loc 1 17 27                        ; stdlib/commit.contract:17:27
  2805  LOAD 1                          ; salt
    .loc 1 17 25                        ; stdlib/commit.contract:17:25
  2807  CONCAT
    .loc 1 17 12                        ; stdlib/commit.contract:17:12
  2808  SHA256
    .loc 1 17 5                         ; stdlib/commit.contract:17:5
  2809  RET
