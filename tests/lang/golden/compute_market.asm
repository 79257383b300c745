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
    .loc 0 129 25                       ; examples/compute_market.contract:129:25
     0  LOAD 0                          ; input_hash
    .loc 0 129 37                       ; examples/compute_market.contract:129:37
     2  LOAD 1                          ; seats
    .loc 0 129 44                       ; examples/compute_market.contract:129:44
     4  LOAD 2                          ; quorum
    .loc 0 129 52                       ; examples/compute_market.contract:129:52
     6  LOAD 3                          ; stake
    .loc 0 129 59                       ; examples/compute_market.contract:129:59
     8  LOAD 4                          ; commit_blocks
    .loc 0 129 74                       ; examples/compute_market.contract:129:74
    10  LOAD 5                          ; reveal_blocks
    .loc 0 129 89                       ; examples/compute_market.contract:129:89
    12  PUSH_CONST 0                    ; 0x
    .loc 0 129 94                       ; examples/compute_market.contract:129:94
    15  PUSH_CONST 0                    ; 0x
    .loc 0 129 99                       ; examples/compute_market.contract:129:99
    18  PUSH_CONST 0                    ; 0x
    .loc 0 129 16                       ; examples/compute_market.contract:129:16
    21  CALL 2                          ; open_job
    .loc 0 129 9                        ; examples/compute_market.contract:129:9
    24  RET

.function 1 post_sealed_job(runner: bytes, input_hash: bytes, input_blob: bytes, client_key: bytes, seats: int, quorum: int, stake: int, commit_blocks: int, reveal_blocks: int) -> int locals 10 pub payable
    .loc 0 137 32                       ; examples/compute_market.contract:137:32
    25  LOAD 0                          ; runner
    .loc 0 137 17                       ; examples/compute_market.contract:137:17
    27  CALL 27                         ; commit.is_hash
    .loc 0 137 9                        ; examples/compute_market.contract:137:9
    30  JUMP_IF_TRUE L37
    .loc 0 137 41                       ; examples/compute_market.contract:137:41
    33  PUSH_CONST 1                    ; "runner id must be 32 bytes"
    .loc 0 137 9                        ; examples/compute_market.contract:137:9
    36  REVERT
    .loc 0 138 32                       ; examples/compute_market.contract:138:32
L37:
    37  LOAD 2                          ; input_blob
    .loc 0 138 17                       ; examples/compute_market.contract:138:17
    39  CALL 27                         ; commit.is_hash
    .loc 0 138 9                        ; examples/compute_market.contract:138:9
    42  JUMP_IF_TRUE L49
    .loc 0 138 45                       ; examples/compute_market.contract:138:45
    45  PUSH_CONST 2                    ; "input blob hash must be 32 bytes"
    .loc 0 138 9                        ; examples/compute_market.contract:138:9
    48  REVERT
    .loc 0 139 21                       ; examples/compute_market.contract:139:21
L49:
    49  LOAD 3                          ; client_key
    .loc 0 139 17                       ; examples/compute_market.contract:139:17
    51  LEN
    .loc 0 139 36                       ; examples/compute_market.contract:139:36
    52  PUSH_INT 32
    .loc 0 139 33                       ; examples/compute_market.contract:139:33
    54  EQ
    .loc 0 139 9                        ; examples/compute_market.contract:139:9
    55  JUMP_IF_TRUE L62
    .loc 0 139 46                       ; examples/compute_market.contract:139:46
    58  PUSH_CONST 3                    ; "client key must be 32 bytes"
    .loc 0 139 9                        ; examples/compute_market.contract:139:9
    61  REVERT
    .loc 0 140 27                       ; examples/compute_market.contract:140:27
L62:
    62  LOAD 1                          ; input_hash
    .loc 0 140 39                       ; examples/compute_market.contract:140:39
    64  LOAD 4                          ; seats
    .loc 0 140 46                       ; examples/compute_market.contract:140:46
    66  LOAD 5                          ; quorum
    .loc 0 140 54                       ; examples/compute_market.contract:140:54
    68  LOAD 6                          ; stake
    .loc 0 140 61                       ; examples/compute_market.contract:140:61
    70  LOAD 7                          ; commit_blocks
    .loc 0 140 76                       ; examples/compute_market.contract:140:76
    72  LOAD 8                          ; reveal_blocks
    .loc 0 141 27                       ; examples/compute_market.contract:141:27
    74  LOAD 0                          ; runner
    .loc 0 141 35                       ; examples/compute_market.contract:141:35
    76  LOAD 2                          ; input_blob
    .loc 0 141 47                       ; examples/compute_market.contract:141:47
    78  LOAD 3                          ; client_key
    .loc 0 140 18                       ; examples/compute_market.contract:140:18
    80  CALL 2                          ; open_job
    .loc 0 140 9                        ; examples/compute_market.contract:140:9
    83  STORE 9
    .loc 0 142 24                       ; examples/compute_market.contract:142:24
    85  LOAD 9
    .loc 0 142 28                       ; examples/compute_market.contract:142:28
    87  LOAD 0                          ; runner
    .loc 0 142 36                       ; examples/compute_market.contract:142:36
    89  LOAD 2                          ; input_blob
    .loc 0 142 48                       ; examples/compute_market.contract:142:48
    91  LOAD 3                          ; client_key
    .loc 0 142 9                        ; examples/compute_market.contract:142:9
    93  EMIT 13                         ; SealedJob
    .loc 0 143 16                       ; examples/compute_market.contract:143:16
    96  LOAD 9
    .loc 0 143 9                        ; examples/compute_market.contract:143:9
    98  RET

.function 2 open_job(input_hash: bytes, seats: int, quorum: int, stake: int, commit_blocks: int, reveal_blocks: int, runner: bytes, input_blob: bytes, client_key: bytes) -> int locals 15
    .loc 0 148 17                       ; examples/compute_market.contract:148:17
    99  CALLVALUE
    .loc 0 148 29                       ; examples/compute_market.contract:148:29
   100  PUSH_INT 0
    .loc 0 148 27                       ; examples/compute_market.contract:148:27
   102  GT
    .loc 0 148 9                        ; examples/compute_market.contract:148:9
   103  JUMP_IF_TRUE L110
    .loc 0 148 32                       ; examples/compute_market.contract:148:32
   106  PUSH_CONST 4                    ; "a job needs a payment"
    .loc 0 148 9                        ; examples/compute_market.contract:148:9
   109  REVERT
    .loc 0 149 32                       ; examples/compute_market.contract:149:32
L110:
   110  LOAD 0                          ; input_hash
    .loc 0 149 17                       ; examples/compute_market.contract:149:17
   112  CALL 27                         ; commit.is_hash
    .loc 0 149 9                        ; examples/compute_market.contract:149:9
   115  JUMP_IF_TRUE L122
    .loc 0 149 45                       ; examples/compute_market.contract:149:45
   118  PUSH_CONST 5                    ; "input hash must be 32 bytes"
    .loc 0 149 9                        ; examples/compute_market.contract:149:9
   121  REVERT
    .loc 0 150 17                       ; examples/compute_market.contract:150:17
L122:
   122  LOAD 1                          ; seats
    .loc 0 150 25                       ; examples/compute_market.contract:150:25
   124  PUSH_INT 0
    .loc 0 150 23                       ; examples/compute_market.contract:150:23
   126  GT
    .loc 0 150 27                       ; examples/compute_market.contract:150:27
   127  DUP
   128  JUMP_IF_FALSE L137
   131  POP
    .loc 0 150 30                       ; examples/compute_market.contract:150:30
   132  LOAD 1                          ; seats
    .loc 0 150 39                       ; examples/compute_market.contract:150:39
   134  PUSH_INT 16
    .loc 0 150 36                       ; examples/compute_market.contract:150:36
   136  LE
    .loc 0 150 9                        ; examples/compute_market.contract:150:9
L137:
   137  JUMP_IF_TRUE L144
    .loc 0 150 50                       ; examples/compute_market.contract:150:50
   140  PUSH_CONST 6                    ; "seats out of range"
    .loc 0 150 9                        ; examples/compute_market.contract:150:9
   143  REVERT
    .loc 0 153 17                       ; examples/compute_market.contract:153:17
L144:
   144  LOAD 2                          ; quorum
    .loc 0 153 27                       ; examples/compute_market.contract:153:27
   146  LOAD 1                          ; seats
    .loc 0 153 24                       ; examples/compute_market.contract:153:24
   148  LE
    .loc 0 153 33                       ; examples/compute_market.contract:153:33
   149  DUP
   150  JUMP_IF_FALSE L162
   153  POP
    .loc 0 153 36                       ; examples/compute_market.contract:153:36
   154  LOAD 2                          ; quorum
    .loc 0 153 45                       ; examples/compute_market.contract:153:45
   156  PUSH_INT 2
    .loc 0 153 43                       ; examples/compute_market.contract:153:43
   158  MUL
    .loc 0 153 49                       ; examples/compute_market.contract:153:49
   159  LOAD 1                          ; seats
    .loc 0 153 47                       ; examples/compute_market.contract:153:47
   161  GT
    .loc 0 153 9                        ; examples/compute_market.contract:153:9
L162:
   162  JUMP_IF_TRUE L169
    .loc 0 153 56                       ; examples/compute_market.contract:153:56
   165  PUSH_CONST 7                    ; "quorum must be a majority of the seats"
    .loc 0 153 9                        ; examples/compute_market.contract:153:9
   168  REVERT
    .loc 0 154 17                       ; examples/compute_market.contract:154:17
L169:
   169  LOAD 3                          ; stake
    .loc 0 154 25                       ; examples/compute_market.contract:154:25
   171  PUSH_INT 0
    .loc 0 154 23                       ; examples/compute_market.contract:154:23
   173  GT
    .loc 0 154 9                        ; examples/compute_market.contract:154:9
   174  JUMP_IF_TRUE L181
    .loc 0 154 28                       ; examples/compute_market.contract:154:28
   177  PUSH_CONST 8                    ; "stake must be positive"
    .loc 0 154 9                        ; examples/compute_market.contract:154:9
   180  REVERT
    .loc 0 155 17                       ; examples/compute_market.contract:155:17
L181:
   181  LOAD 4                          ; commit_blocks
    .loc 0 155 33                       ; examples/compute_market.contract:155:33
   183  PUSH_INT 0
    .loc 0 155 31                       ; examples/compute_market.contract:155:31
   185  GT
    .loc 0 155 35                       ; examples/compute_market.contract:155:35
   186  DUP
   187  JUMP_IF_FALSE L196
   190  POP
    .loc 0 155 38                       ; examples/compute_market.contract:155:38
   191  LOAD 5                          ; reveal_blocks
    .loc 0 155 54                       ; examples/compute_market.contract:155:54
   193  PUSH_INT 0
    .loc 0 155 52                       ; examples/compute_market.contract:155:52
   195  GT
    .loc 0 155 9                        ; examples/compute_market.contract:155:9
L196:
   196  JUMP_IF_TRUE L203
    .loc 0 155 57                       ; examples/compute_market.contract:155:57
   199  PUSH_CONST 9                    ; "phases must last at least one block"
    .loc 0 155 9                        ; examples/compute_market.contract:155:9
   202  REVERT
    .loc 0 156 22                       ; examples/compute_market.contract:156:22
L203:
   203  PUSH_CONST 10                   ; 0x00
    .loc 0 156 18                       ; examples/compute_market.contract:156:18
   206  SLOAD 0                         ; int
    .loc 0 156 9                        ; examples/compute_market.contract:156:9
   208  STORE 9
    .loc 0 157 31                       ; examples/compute_market.contract:157:31
   210  BLOCK_NUMBER
    .loc 0 157 46                       ; examples/compute_market.contract:157:46
   211  LOAD 4                          ; commit_blocks
    .loc 0 157 44                       ; examples/compute_market.contract:157:44
   213  ADD
    .loc 0 157 9                        ; examples/compute_market.contract:157:9
   214  STORE 10
    .loc 0 158 9                        ; examples/compute_market.contract:158:9
   216  PUSH_CONST 10                   ; 0x00
   219  STORE 11
   221  LOAD 11
   223  SLOAD 0                         ; int
   225  STORE 12
   227  LOAD 11
   229  LOAD 12
   231  KEY
    .loc 0 159 21                       ; examples/compute_market.contract:159:21
   232  CALLER
    .loc 0 160 22                       ; examples/compute_market.contract:160:22
   233  CALLVALUE
    .loc 0 161 25                       ; examples/compute_market.contract:161:25
   234  LOAD 0                          ; input_hash
    .loc 0 162 20                       ; examples/compute_market.contract:162:20
   236  LOAD 1                          ; seats
    .loc 0 163 21                       ; examples/compute_market.contract:163:21
   238  LOAD 2                          ; quorum
    .loc 0 164 20                       ; examples/compute_market.contract:164:20
   240  LOAD 3                          ; stake
    .loc 0 165 30                       ; examples/compute_market.contract:165:30
   242  LOAD 10
    .loc 0 166 30                       ; examples/compute_market.contract:166:30
   244  LOAD 10
    .loc 0 166 48                       ; examples/compute_market.contract:166:48
   246  LOAD 5                          ; reveal_blocks
    .loc 0 166 46                       ; examples/compute_market.contract:166:46
   248  ADD
    .loc 0 167 21                       ; examples/compute_market.contract:167:21
   249  PUSH_INT 0
    .loc 0 168 24                       ; examples/compute_market.contract:168:24
   251  PUSH_INT 0
    .loc 0 169 23                       ; examples/compute_market.contract:169:23
   253  PUSH_INT 0
    .loc 0 170 20                       ; examples/compute_market.contract:170:20
   255  PUSH_INT 0
    .loc 0 171 26                       ; examples/compute_market.contract:171:26
   257  PUSH_CONST 0                    ; 0x
    .loc 0 172 21                       ; examples/compute_market.contract:172:21
   260  LOAD 6                          ; runner
    .loc 0 173 25                       ; examples/compute_market.contract:173:25
   262  LOAD 7                          ; input_blob
    .loc 0 174 25                       ; examples/compute_market.contract:174:25
   264  LOAD 8                          ; client_key
    .loc 0 158 19                       ; examples/compute_market.contract:158:19
   266  MAKE_STRUCT 16
    .loc 0 158 9                        ; examples/compute_market.contract:158:9
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
    .loc 0 176 24                       ; examples/compute_market.contract:176:24
   440  LOAD 9
    .loc 0 176 28                       ; examples/compute_market.contract:176:28
   442  CALLER
    .loc 0 176 40                       ; examples/compute_market.contract:176:40
   443  CALLVALUE
    .loc 0 176 51                       ; examples/compute_market.contract:176:51
   444  LOAD 0                          ; input_hash
    .loc 0 176 63                       ; examples/compute_market.contract:176:63
   446  LOAD 1                          ; seats
    .loc 0 176 70                       ; examples/compute_market.contract:176:70
   448  LOAD 2                          ; quorum
    .loc 0 176 78                       ; examples/compute_market.contract:176:78
   450  LOAD 3                          ; stake
    .loc 0 177 24                       ; examples/compute_market.contract:177:24
   452  LOAD 10
    .loc 0 177 41                       ; examples/compute_market.contract:177:41
   454  LOAD 10
    .loc 0 177 59                       ; examples/compute_market.contract:177:59
   456  LOAD 5                          ; reveal_blocks
    .loc 0 177 57                       ; examples/compute_market.contract:177:57
   458  ADD
    .loc 0 176 9                        ; examples/compute_market.contract:176:9
   459  EMIT 0                          ; JobPosted
    .loc 0 178 16                       ; examples/compute_market.contract:178:16
   462  LOAD 9
    .loc 0 178 9                        ; examples/compute_market.contract:178:9
   464  RET

.function 3 announce(enc_key: bytes, runner: bytes, min_payment: int) locals 5 pub
    .loc 0 184 21                       ; examples/compute_market.contract:184:21
   465  LOAD 0                          ; enc_key
    .loc 0 184 17                       ; examples/compute_market.contract:184:17
   467  LEN
    .loc 0 184 33                       ; examples/compute_market.contract:184:33
   468  PUSH_INT 32
    .loc 0 184 30                       ; examples/compute_market.contract:184:30
   470  EQ
    .loc 0 184 9                        ; examples/compute_market.contract:184:9
   471  JUMP_IF_TRUE L478
    .loc 0 184 43                       ; examples/compute_market.contract:184:43
   474  PUSH_CONST 11                   ; "encryption key must be 32 bytes"
    .loc 0 184 9                        ; examples/compute_market.contract:184:9
   477  REVERT
    .loc 0 185 32                       ; examples/compute_market.contract:185:32
L478:
   478  LOAD 1                          ; runner
    .loc 0 185 17                       ; examples/compute_market.contract:185:17
   480  CALL 27                         ; commit.is_hash
    .loc 0 185 9                        ; examples/compute_market.contract:185:9
   483  JUMP_IF_TRUE L490
    .loc 0 185 41                       ; examples/compute_market.contract:185:41
   486  PUSH_CONST 1                    ; "runner id must be 32 bytes"
    .loc 0 185 9                        ; examples/compute_market.contract:185:9
   489  REVERT
    .loc 0 186 17                       ; examples/compute_market.contract:186:17
L490:
   490  LOAD 2                          ; min_payment
    .loc 0 186 32                       ; examples/compute_market.contract:186:32
   492  PUSH_INT 0
    .loc 0 186 29                       ; examples/compute_market.contract:186:29
   494  GE
    .loc 0 186 9                        ; examples/compute_market.contract:186:9
   495  JUMP_IF_TRUE L502
    .loc 0 186 35                       ; examples/compute_market.contract:186:35
   498  PUSH_CONST 12                   ; "minimum payment must not be negative"
    .loc 0 186 9                        ; examples/compute_market.contract:186:9
   501  REVERT
    .loc 0 187 9                        ; examples/compute_market.contract:187:9
L502:
   502  PUSH_CONST 13                   ; 0x06
    .loc 0 187 18                       ; examples/compute_market.contract:187:18
   505  CALLER
    .loc 0 187 9                        ; examples/compute_market.contract:187:9
   506  KEY
    .loc 0 187 32                       ; examples/compute_market.contract:187:32
   507  LOAD 0                          ; enc_key
    .loc 0 187 9                        ; examples/compute_market.contract:187:9
   509  SSTORE
    .loc 0 188 9                        ; examples/compute_market.contract:188:9
   510  PUSH_CONST 14                   ; 0x07
    .loc 0 188 16                       ; examples/compute_market.contract:188:16
   513  CALLER
    .loc 0 188 9                        ; examples/compute_market.contract:188:9
   514  KEY
    .loc 0 188 28                       ; examples/compute_market.contract:188:28
   515  LOAD 1                          ; runner
    .loc 0 188 9                        ; examples/compute_market.contract:188:9
   517  KEY
    .loc 0 188 57                       ; examples/compute_market.contract:188:57
   518  LOAD 2                          ; min_payment
    .loc 0 188 78                       ; examples/compute_market.contract:188:78
   520  PUSH_TRUE
    .loc 0 188 38                       ; examples/compute_market.contract:188:38
   521  MAKE_STRUCT 2
    .loc 0 188 9                        ; examples/compute_market.contract:188:9
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
    .loc 0 189 13                       ; examples/compute_market.contract:189:13
   547  PUSH_CONST 15                   ; 0x09
    .loc 0 189 20                       ; examples/compute_market.contract:189:20
   550  CALLER
    .loc 0 189 13                       ; examples/compute_market.contract:189:13
   551  KEY
   552  SLOAD 1                         ; bool
    .loc 0 189 12                       ; examples/compute_market.contract:189:12
   554  NOT
    .loc 0 189 9                        ; examples/compute_market.contract:189:9
   555  JUMP_IF_FALSE L591
    .loc 0 190 13                       ; examples/compute_market.contract:190:13
   558  PUSH_CONST 15                   ; 0x09
    .loc 0 190 20                       ; examples/compute_market.contract:190:20
   561  CALLER
    .loc 0 190 13                       ; examples/compute_market.contract:190:13
   562  KEY
    .loc 0 190 34                       ; examples/compute_market.contract:190:34
   563  PUSH_TRUE
    .loc 0 190 13                       ; examples/compute_market.contract:190:13
   564  SSTORE
    .loc 0 191 13                       ; examples/compute_market.contract:191:13
   565  PUSH_CONST 16                   ; 0x08
   568  STORE 3
   570  LOAD 3
   572  SLOAD 0                         ; int
   574  STORE 4
   576  LOAD 3
   578  LOAD 4
   580  KEY
    .loc 0 191 30                       ; examples/compute_market.contract:191:30
   581  CALLER
    .loc 0 191 13                       ; examples/compute_market.contract:191:13
   582  SSTORE
   583  LOAD 3
   585  LOAD 4
   587  PUSH_INT 1
   589  ADD
   590  SSTORE
    .loc 0 193 30                       ; examples/compute_market.contract:193:30
L591:
   591  CALLER
    .loc 0 193 42                       ; examples/compute_market.contract:193:42
   592  LOAD 0                          ; enc_key
    .loc 0 193 51                       ; examples/compute_market.contract:193:51
   594  LOAD 1                          ; runner
    .loc 0 193 59                       ; examples/compute_market.contract:193:59
   596  LOAD 2                          ; min_payment
    .loc 0 193 9                        ; examples/compute_market.contract:193:9
   598  EMIT 11                         ; WorkerAnnounced
    .loc 0 183 70                       ; examples/compute_market.contract:183:70
   601  RET

.function 4 retire(runner: bytes) locals 1 pub
    .loc 0 198 17                       ; examples/compute_market.contract:198:17
   602  PUSH_CONST 14                   ; 0x07
    .loc 0 198 24                       ; examples/compute_market.contract:198:24
   605  CALLER
    .loc 0 198 17                       ; examples/compute_market.contract:198:17
   606  KEY
    .loc 0 198 36                       ; examples/compute_market.contract:198:36
   607  LOAD 0                          ; runner
    .loc 0 198 17                       ; examples/compute_market.contract:198:17
   609  KEY
   610  PUSH_INT 1
   612  KEY
   613  SLOAD 1                         ; bool
    .loc 0 198 9                        ; examples/compute_market.contract:198:9
   615  JUMP_IF_TRUE L622
    .loc 0 198 52                       ; examples/compute_market.contract:198:52
   618  PUSH_CONST 17                   ; "no such offer"
    .loc 0 198 9                        ; examples/compute_market.contract:198:9
   621  REVERT
    .loc 0 199 9                        ; examples/compute_market.contract:199:9
L622:
   622  PUSH_CONST 14                   ; 0x07
    .loc 0 199 16                       ; examples/compute_market.contract:199:16
   625  CALLER
    .loc 0 199 9                        ; examples/compute_market.contract:199:9
   626  KEY
    .loc 0 199 28                       ; examples/compute_market.contract:199:28
   627  LOAD 0                          ; runner
    .loc 0 199 9                        ; examples/compute_market.contract:199:9
   629  KEY
   630  PUSH_INT 1
   632  KEY
    .loc 0 199 45                       ; examples/compute_market.contract:199:45
   633  PUSH_FALSE
    .loc 0 199 9                        ; examples/compute_market.contract:199:9
   634  SSTORE
    .loc 0 200 28                       ; examples/compute_market.contract:200:28
   635  CALLER
    .loc 0 200 40                       ; examples/compute_market.contract:200:40
   636  LOAD 0                          ; runner
    .loc 0 200 9                        ; examples/compute_market.contract:200:9
   638  EMIT 12                         ; WorkerRetired
    .loc 0 197 34                       ; examples/compute_market.contract:197:34
   641  RET

.function 5 join(job: int) -> int locals 2 pub payable
    .loc 0 205 21                       ; examples/compute_market.contract:205:21
   642  LOAD 0                          ; job
    .loc 0 205 9                        ; examples/compute_market.contract:205:9
   644  CALL 24                         ; require_job
    .loc 0 206 17                       ; examples/compute_market.contract:206:17
   647  PUSH_CONST 10                   ; 0x00
    .loc 0 206 22                       ; examples/compute_market.contract:206:22
   650  LOAD 0                          ; job
    .loc 0 206 17                       ; examples/compute_market.contract:206:17
   652  OVER
   653  SLOAD 0                         ; int
   655  CHECK_INDEX
   656  KEY
   657  PUSH_INT 11
   659  KEY
   660  SLOAD 0                         ; int
    .loc 0 206 36                       ; examples/compute_market.contract:206:36
   662  PUSH_INT 0
    .loc 0 206 33                       ; examples/compute_market.contract:206:33
   664  EQ
    .loc 0 206 9                        ; examples/compute_market.contract:206:9
   665  JUMP_IF_TRUE L672
    .loc 0 206 42                       ; examples/compute_market.contract:206:42
   668  PUSH_CONST 18                   ; "job is settled"
    .loc 0 206 9                        ; examples/compute_market.contract:206:9
   671  REVERT
    .loc 0 207 17                       ; examples/compute_market.contract:207:17
L672:
   672  BLOCK_NUMBER
    .loc 0 207 33                       ; examples/compute_market.contract:207:33
   673  PUSH_CONST 10                   ; 0x00
    .loc 0 207 38                       ; examples/compute_market.contract:207:38
   676  LOAD 0                          ; job
    .loc 0 207 33                       ; examples/compute_market.contract:207:33
   678  OVER
   679  SLOAD 0                         ; int
   681  CHECK_INDEX
   682  KEY
   683  PUSH_INT 6
   685  KEY
   686  SLOAD 0                         ; int
    .loc 0 207 30                       ; examples/compute_market.contract:207:30
   688  LE
    .loc 0 207 9                        ; examples/compute_market.contract:207:9
   689  JUMP_IF_TRUE L696
    .loc 0 207 60                       ; examples/compute_market.contract:207:60
   692  PUSH_CONST 19                   ; "commit phase is over"
    .loc 0 207 9                        ; examples/compute_market.contract:207:9
   695  REVERT
    .loc 0 208 17                       ; examples/compute_market.contract:208:17
L696:
   696  CALLER
    .loc 0 208 31                       ; examples/compute_market.contract:208:31
   697  PUSH_CONST 10                   ; 0x00
    .loc 0 208 36                       ; examples/compute_market.contract:208:36
   700  LOAD 0                          ; job
    .loc 0 208 31                       ; examples/compute_market.contract:208:31
   702  OVER
   703  SLOAD 0                         ; int
   705  CHECK_INDEX
   706  KEY
   707  PUSH_INT 0
   709  KEY
   710  SLOAD 2                         ; address
    .loc 0 208 28                       ; examples/compute_market.contract:208:28
   712  NE
    .loc 0 208 9                        ; examples/compute_market.contract:208:9
   713  JUMP_IF_TRUE L720
    .loc 0 208 49                       ; examples/compute_market.contract:208:49
   716  PUSH_CONST 20                   ; "the client cannot work on its own job"
    .loc 0 208 9                        ; examples/compute_market.contract:208:9
   719  REVERT
    .loc 0 209 17                       ; examples/compute_market.contract:209:17
L720:
   720  PUSH_CONST 21                   ; 0x02
    .loc 0 209 25                       ; examples/compute_market.contract:209:25
   723  LOAD 0                          ; job
    .loc 0 209 17                       ; examples/compute_market.contract:209:17
   725  KEY
    .loc 0 209 30                       ; examples/compute_market.contract:209:30
   726  CALLER
    .loc 0 209 17                       ; examples/compute_market.contract:209:17
   727  KEY
   728  SLOAD 0                         ; int
    .loc 0 209 45                       ; examples/compute_market.contract:209:45
   730  PUSH_INT 0
    .loc 0 209 42                       ; examples/compute_market.contract:209:42
   732  EQ
    .loc 0 209 9                        ; examples/compute_market.contract:209:9
   733  JUMP_IF_TRUE L740
    .loc 0 209 48                       ; examples/compute_market.contract:209:48
   736  PUSH_CONST 22                   ; "already joined"
    .loc 0 209 9                        ; examples/compute_market.contract:209:9
   739  REVERT
    .loc 0 210 17                       ; examples/compute_market.contract:210:17
L740:
   740  PUSH_CONST 10                   ; 0x00
    .loc 0 210 22                       ; examples/compute_market.contract:210:22
   743  LOAD 0                          ; job
    .loc 0 210 17                       ; examples/compute_market.contract:210:17
   745  OVER
   746  SLOAD 0                         ; int
   748  CHECK_INDEX
   749  KEY
   750  PUSH_INT 8
   752  KEY
   753  SLOAD 0                         ; int
    .loc 0 210 36                       ; examples/compute_market.contract:210:36
   755  PUSH_CONST 10                   ; 0x00
    .loc 0 210 41                       ; examples/compute_market.contract:210:41
   758  LOAD 0                          ; job
    .loc 0 210 36                       ; examples/compute_market.contract:210:36
   760  OVER
   761  SLOAD 0                         ; int
   763  CHECK_INDEX
   764  KEY
   765  PUSH_INT 3
   767  KEY
   768  SLOAD 0                         ; int
    .loc 0 210 34                       ; examples/compute_market.contract:210:34
   770  LT
    .loc 0 210 9                        ; examples/compute_market.contract:210:9
   771  JUMP_IF_TRUE L778
    .loc 0 210 53                       ; examples/compute_market.contract:210:53
   774  PUSH_CONST 23                   ; "no free seat"
    .loc 0 210 9                        ; examples/compute_market.contract:210:9
   777  REVERT
    .loc 0 211 17                       ; examples/compute_market.contract:211:17
L778:
   778  CALLVALUE
    .loc 0 211 30                       ; examples/compute_market.contract:211:30
   779  PUSH_CONST 10                   ; 0x00
    .loc 0 211 35                       ; examples/compute_market.contract:211:35
   782  LOAD 0                          ; job
    .loc 0 211 30                       ; examples/compute_market.contract:211:30
   784  OVER
   785  SLOAD 0                         ; int
   787  CHECK_INDEX
   788  KEY
   789  PUSH_INT 5
   791  KEY
   792  SLOAD 0                         ; int
    .loc 0 211 27                       ; examples/compute_market.contract:211:27
   794  EQ
    .loc 0 211 9                        ; examples/compute_market.contract:211:9
   795  JUMP_IF_TRUE L802
    .loc 0 211 47                       ; examples/compute_market.contract:211:47
   798  PUSH_CONST 24                   ; "stake must equal the job's stake"
    .loc 0 211 9                        ; examples/compute_market.contract:211:9
   801  REVERT
    .loc 0 212 20                       ; examples/compute_market.contract:212:20
L802:
   802  PUSH_CONST 10                   ; 0x00
    .loc 0 212 25                       ; examples/compute_market.contract:212:25
   805  LOAD 0                          ; job
    .loc 0 212 20                       ; examples/compute_market.contract:212:20
   807  OVER
   808  SLOAD 0                         ; int
   810  CHECK_INDEX
   811  KEY
   812  PUSH_INT 8
   814  KEY
   815  SLOAD 0                         ; int
    .loc 0 212 9                        ; examples/compute_market.contract:212:9
   817  STORE 1
    .loc 0 213 16                       ; examples/compute_market.contract:213:16
   819  PUSH_CONST 10                   ; 0x00
    .loc 0 213 21                       ; examples/compute_market.contract:213:21
   822  LOAD 0                          ; job
    .loc 0 213 16                       ; examples/compute_market.contract:213:16
   824  OVER
   825  SLOAD 0                         ; int
   827  CHECK_INDEX
   828  KEY
   829  PUSH_INT 13
   831  KEY
   832  SLOAD 3                         ; bytes
    .loc 0 213 12                       ; examples/compute_market.contract:213:12
   834  LEN
    .loc 0 213 36                       ; examples/compute_market.contract:213:36
   835  PUSH_INT 0
    .loc 0 213 34                       ; examples/compute_market.contract:213:34
   837  GT
    .loc 0 213 9                        ; examples/compute_market.contract:213:9
   838  JUMP_IF_FALSE L879
    .loc 0 214 25                       ; examples/compute_market.contract:214:25
   841  PUSH_CONST 13                   ; 0x06
    .loc 0 214 34                       ; examples/compute_market.contract:214:34
   844  CALLER
    .loc 0 214 25                       ; examples/compute_market.contract:214:25
   845  KEY
   846  SLOAD 3                         ; bytes
    .loc 0 214 21                       ; examples/compute_market.contract:214:21
   848  LEN
    .loc 0 214 50                       ; examples/compute_market.contract:214:50
   849  PUSH_INT 32
    .loc 0 214 47                       ; examples/compute_market.contract:214:47
   851  EQ
    .loc 0 214 13                       ; examples/compute_market.contract:214:13
   852  JUMP_IF_TRUE L859
    .loc 0 214 60                       ; examples/compute_market.contract:214:60
   855  PUSH_CONST 25                   ; "announce an encryption key first"
    .loc 0 214 13                       ; examples/compute_market.contract:214:13
   858  REVERT
    .loc 0 215 13                       ; examples/compute_market.contract:215:13
L859:
   859  PUSH_CONST 26                   ; 0x01
    .loc 0 215 24                       ; examples/compute_market.contract:215:24
   862  LOAD 0                          ; job
    .loc 0 215 13                       ; examples/compute_market.contract:215:13
   864  KEY
    .loc 0 215 29                       ; examples/compute_market.contract:215:29
   865  LOAD 1
    .loc 0 215 13                       ; examples/compute_market.contract:215:13
   867  KEY
   868  PUSH_INT 3
   870  KEY
    .loc 0 215 45                       ; examples/compute_market.contract:215:45
   871  PUSH_CONST 13                   ; 0x06
    .loc 0 215 54                       ; examples/compute_market.contract:215:54
   874  CALLER
    .loc 0 215 45                       ; examples/compute_market.contract:215:45
   875  KEY
   876  SLOAD 3                         ; bytes
    .loc 0 215 13                       ; examples/compute_market.contract:215:13
   878  SSTORE
    .loc 0 217 9                        ; examples/compute_market.contract:217:9
L879:
   879  PUSH_CONST 26                   ; 0x01
    .loc 0 217 20                       ; examples/compute_market.contract:217:20
   882  LOAD 0                          ; job
    .loc 0 217 9                        ; examples/compute_market.contract:217:9
   884  KEY
    .loc 0 217 25                       ; examples/compute_market.contract:217:25
   885  LOAD 1
    .loc 0 217 9                        ; examples/compute_market.contract:217:9
   887  KEY
   888  PUSH_INT 0
   890  KEY
    .loc 0 217 40                       ; examples/compute_market.contract:217:40
   891  CALLER
    .loc 0 217 9                        ; examples/compute_market.contract:217:9
   892  SSTORE
    .loc 0 218 9                        ; examples/compute_market.contract:218:9
   893  PUSH_CONST 21                   ; 0x02
    .loc 0 218 17                       ; examples/compute_market.contract:218:17
   896  LOAD 0                          ; job
    .loc 0 218 9                        ; examples/compute_market.contract:218:9
   898  KEY
    .loc 0 218 22                       ; examples/compute_market.contract:218:22
   899  CALLER
    .loc 0 218 9                        ; examples/compute_market.contract:218:9
   900  KEY
    .loc 0 218 36                       ; examples/compute_market.contract:218:36
   901  LOAD 1
    .loc 0 218 43                       ; examples/compute_market.contract:218:43
   903  PUSH_INT 1
    .loc 0 218 41                       ; examples/compute_market.contract:218:41
   905  ADD
    .loc 0 218 9                        ; examples/compute_market.contract:218:9
   906  SSTORE
    .loc 0 219 9                        ; examples/compute_market.contract:219:9
   907  PUSH_CONST 10                   ; 0x00
    .loc 0 219 14                       ; examples/compute_market.contract:219:14
   910  LOAD 0                          ; job
    .loc 0 219 9                        ; examples/compute_market.contract:219:9
   912  OVER
   913  SLOAD 0                         ; int
   915  CHECK_INDEX
   916  KEY
   917  PUSH_INT 8
   919  KEY
    .loc 0 219 28                       ; examples/compute_market.contract:219:28
   920  LOAD 1
    .loc 0 219 35                       ; examples/compute_market.contract:219:35
   922  PUSH_INT 1
    .loc 0 219 33                       ; examples/compute_market.contract:219:33
   924  ADD
    .loc 0 219 9                        ; examples/compute_market.contract:219:9
   925  SSTORE
    .loc 0 220 27                       ; examples/compute_market.contract:220:27
   926  LOAD 0                          ; job
    .loc 0 220 32                       ; examples/compute_market.contract:220:32
   928  CALLER
    .loc 0 220 44                       ; examples/compute_market.contract:220:44
   929  LOAD 1
    .loc 0 220 9                        ; examples/compute_market.contract:220:9
   931  EMIT 1                          ; WorkerJoined
    .loc 0 221 16                       ; examples/compute_market.contract:221:16
   934  LOAD 1
    .loc 0 221 9                        ; examples/compute_market.contract:221:9
   936  RET

.function 6 publish_key(job: int, seat: int, wrapped_key: bytes) locals 3 pub
    .loc 0 226 21                       ; examples/compute_market.contract:226:21
   937  LOAD 0                          ; job
    .loc 0 226 9                        ; examples/compute_market.contract:226:9
   939  CALL 24                         ; require_job
    .loc 0 227 17                       ; examples/compute_market.contract:227:17
   942  CALLER
    .loc 0 227 31                       ; examples/compute_market.contract:227:31
   943  PUSH_CONST 10                   ; 0x00
    .loc 0 227 36                       ; examples/compute_market.contract:227:36
   946  LOAD 0                          ; job
    .loc 0 227 31                       ; examples/compute_market.contract:227:31
   948  OVER
   949  SLOAD 0                         ; int
   951  CHECK_INDEX
   952  KEY
   953  PUSH_INT 0
   955  KEY
   956  SLOAD 2                         ; address
    .loc 0 227 28                       ; examples/compute_market.contract:227:28
   958  EQ
    .loc 0 227 9                        ; examples/compute_market.contract:227:9
   959  JUMP_IF_TRUE L966
    .loc 0 227 49                       ; examples/compute_market.contract:227:49
   962  PUSH_CONST 27                   ; "only the client publishes keys"
    .loc 0 227 9                        ; examples/compute_market.contract:227:9
   965  REVERT
    .loc 0 228 21                       ; examples/compute_market.contract:228:21
L966:
   966  PUSH_CONST 10                   ; 0x00
    .loc 0 228 26                       ; examples/compute_market.contract:228:26
   969  LOAD 0                          ; job
    .loc 0 228 21                       ; examples/compute_market.contract:228:21
   971  OVER
   972  SLOAD 0                         ; int
   974  CHECK_INDEX
   975  KEY
   976  PUSH_INT 13
   978  KEY
   979  SLOAD 3                         ; bytes
    .loc 0 228 17                       ; examples/compute_market.contract:228:17
   981  LEN
    .loc 0 228 41                       ; examples/compute_market.contract:228:41
   982  PUSH_INT 0
    .loc 0 228 39                       ; examples/compute_market.contract:228:39
   984  GT
    .loc 0 228 9                        ; examples/compute_market.contract:228:9
   985  JUMP_IF_TRUE L992
    .loc 0 228 44                       ; examples/compute_market.contract:228:44
   988  PUSH_CONST 28                   ; "not a sealed job"
    .loc 0 228 9                        ; examples/compute_market.contract:228:9
   991  REVERT
    .loc 0 229 17                       ; examples/compute_market.contract:229:17
L992:
   992  PUSH_CONST 10                   ; 0x00
    .loc 0 229 22                       ; examples/compute_market.contract:229:22
   995  LOAD 0                          ; job
    .loc 0 229 17                       ; examples/compute_market.contract:229:17
   997  OVER
   998  SLOAD 0                         ; int
  1000  CHECK_INDEX
  1001  KEY
  1002  PUSH_INT 11
  1004  KEY
  1005  SLOAD 0                         ; int
    .loc 0 229 36                       ; examples/compute_market.contract:229:36
  1007  PUSH_INT 0
    .loc 0 229 33                       ; examples/compute_market.contract:229:33
  1009  EQ
    .loc 0 229 9                        ; examples/compute_market.contract:229:9
  1010  JUMP_IF_TRUE L1017
    .loc 0 229 42                       ; examples/compute_market.contract:229:42
  1013  PUSH_CONST 18                   ; "job is settled"
    .loc 0 229 9                        ; examples/compute_market.contract:229:9
  1016  REVERT
    .loc 0 230 30                       ; examples/compute_market.contract:230:30
L1017:
  1017  LOAD 0                          ; job
    .loc 0 230 18                       ; examples/compute_market.contract:230:18
  1019  CALL 26                         ; reveal_open
    .loc 0 230 17                       ; examples/compute_market.contract:230:17
  1022  NOT
    .loc 0 230 9                        ; examples/compute_market.contract:230:9
  1023  JUMP_IF_TRUE L1030
    .loc 0 230 36                       ; examples/compute_market.contract:230:36
  1026  PUSH_CONST 19                   ; "commit phase is over"
    .loc 0 230 9                        ; examples/compute_market.contract:230:9
  1029  REVERT
    .loc 0 231 17                       ; examples/compute_market.contract:231:17
L1030:
  1030  LOAD 1                          ; seat
    .loc 0 231 25                       ; examples/compute_market.contract:231:25
  1032  PUSH_INT 0
    .loc 0 231 22                       ; examples/compute_market.contract:231:22
  1034  GE
    .loc 0 231 27                       ; examples/compute_market.contract:231:27
  1035  DUP
  1036  JUMP_IF_FALSE L1058
  1039  POP
    .loc 0 231 30                       ; examples/compute_market.contract:231:30
  1040  LOAD 1                          ; seat
    .loc 0 231 37                       ; examples/compute_market.contract:231:37
  1042  PUSH_CONST 10                   ; 0x00
    .loc 0 231 42                       ; examples/compute_market.contract:231:42
  1045  LOAD 0                          ; job
    .loc 0 231 37                       ; examples/compute_market.contract:231:37
  1047  OVER
  1048  SLOAD 0                         ; int
  1050  CHECK_INDEX
  1051  KEY
  1052  PUSH_INT 8
  1054  KEY
  1055  SLOAD 0                         ; int
    .loc 0 231 35                       ; examples/compute_market.contract:231:35
  1057  LT
    .loc 0 231 9                        ; examples/compute_market.contract:231:9
L1058:
  1058  JUMP_IF_TRUE L1065
    .loc 0 231 55                       ; examples/compute_market.contract:231:55
  1061  PUSH_CONST 29                   ; "no such seat"
    .loc 0 231 9                        ; examples/compute_market.contract:231:9
  1064  REVERT
    .loc 0 232 21                       ; examples/compute_market.contract:232:21
L1065:
  1065  LOAD 2                          ; wrapped_key
    .loc 0 232 17                       ; examples/compute_market.contract:232:17
  1067  LEN
    .loc 0 232 37                       ; examples/compute_market.contract:232:37
  1068  PUSH_INT 93
    .loc 0 232 34                       ; examples/compute_market.contract:232:34
  1070  EQ
    .loc 0 232 9                        ; examples/compute_market.contract:232:9
  1071  JUMP_IF_TRUE L1078
    .loc 0 232 55                       ; examples/compute_market.contract:232:55
  1074  PUSH_CONST 30                   ; "wrapped key must be 93 bytes"
    .loc 0 232 9                        ; examples/compute_market.contract:232:9
  1077  REVERT
    .loc 0 233 21                       ; examples/compute_market.contract:233:21
L1078:
  1078  PUSH_CONST 26                   ; 0x01
    .loc 0 233 32                       ; examples/compute_market.contract:233:32
  1081  LOAD 0                          ; job
    .loc 0 233 21                       ; examples/compute_market.contract:233:21
  1083  KEY
    .loc 0 233 37                       ; examples/compute_market.contract:233:37
  1084  LOAD 1                          ; seat
    .loc 0 233 21                       ; examples/compute_market.contract:233:21
  1086  KEY
  1087  PUSH_INT 4
  1089  KEY
  1090  SLOAD 3                         ; bytes
    .loc 0 233 17                       ; examples/compute_market.contract:233:17
  1092  LEN
    .loc 0 233 59                       ; examples/compute_market.contract:233:59
  1093  PUSH_INT 0
    .loc 0 233 56                       ; examples/compute_market.contract:233:56
  1095  EQ
    .loc 0 233 9                        ; examples/compute_market.contract:233:9
  1096  JUMP_IF_TRUE L1103
    .loc 0 233 62                       ; examples/compute_market.contract:233:62
  1099  PUSH_CONST 31                   ; "key already published"
    .loc 0 233 9                        ; examples/compute_market.contract:233:9
  1102  REVERT
    .loc 0 234 9                        ; examples/compute_market.contract:234:9
L1103:
  1103  PUSH_CONST 26                   ; 0x01
    .loc 0 234 20                       ; examples/compute_market.contract:234:20
  1106  LOAD 0                          ; job
    .loc 0 234 9                        ; examples/compute_market.contract:234:9
  1108  KEY
    .loc 0 234 25                       ; examples/compute_market.contract:234:25
  1109  LOAD 1                          ; seat
    .loc 0 234 9                        ; examples/compute_market.contract:234:9
  1111  KEY
  1112  PUSH_INT 4
  1114  KEY
    .loc 0 234 45                       ; examples/compute_market.contract:234:45
  1115  LOAD 2                          ; wrapped_key
    .loc 0 234 9                        ; examples/compute_market.contract:234:9
  1117  SSTORE
    .loc 0 235 27                       ; examples/compute_market.contract:235:27
  1118  LOAD 0                          ; job
    .loc 0 235 32                       ; examples/compute_market.contract:235:32
  1120  LOAD 1                          ; seat
    .loc 0 235 38                       ; examples/compute_market.contract:235:38
  1122  PUSH_CONST 26                   ; 0x01
    .loc 0 235 49                       ; examples/compute_market.contract:235:49
  1125  LOAD 0                          ; job
    .loc 0 235 38                       ; examples/compute_market.contract:235:38
  1127  KEY
    .loc 0 235 54                       ; examples/compute_market.contract:235:54
  1128  LOAD 1                          ; seat
    .loc 0 235 38                       ; examples/compute_market.contract:235:38
  1130  KEY
  1131  PUSH_INT 0
  1133  KEY
  1134  SLOAD 2                         ; address
    .loc 0 235 68                       ; examples/compute_market.contract:235:68
  1136  LOAD 2                          ; wrapped_key
    .loc 0 235 9                        ; examples/compute_market.contract:235:9
  1138  EMIT 14                         ; KeyPublished
    .loc 0 225 65                       ; examples/compute_market.contract:225:65
  1141  RET

.function 7 commit_result(job: int, commitment: bytes) locals 3 pub
    .loc 0 241 21                       ; examples/compute_market.contract:241:21
  1142  LOAD 0                          ; job
    .loc 0 241 9                        ; examples/compute_market.contract:241:9
  1144  CALL 24                         ; require_job
    .loc 0 242 31                       ; examples/compute_market.contract:242:31
  1147  LOAD 0                          ; job
    .loc 0 242 36                       ; examples/compute_market.contract:242:36
  1149  CALLER
    .loc 0 242 20                       ; examples/compute_market.contract:242:20
  1150  CALL 25                         ; seat_index
    .loc 0 242 9                        ; examples/compute_market.contract:242:9
  1153  STORE 2
    .loc 0 243 17                       ; examples/compute_market.contract:243:17
  1155  PUSH_CONST 10                   ; 0x00
    .loc 0 243 22                       ; examples/compute_market.contract:243:22
  1158  LOAD 0                          ; job
    .loc 0 243 17                       ; examples/compute_market.contract:243:17
  1160  OVER
  1161  SLOAD 0                         ; int
  1163  CHECK_INDEX
  1164  KEY
  1165  PUSH_INT 11
  1167  KEY
  1168  SLOAD 0                         ; int
    .loc 0 243 36                       ; examples/compute_market.contract:243:36
  1170  PUSH_INT 0
    .loc 0 243 33                       ; examples/compute_market.contract:243:33
  1172  EQ
    .loc 0 243 9                        ; examples/compute_market.contract:243:9
  1173  JUMP_IF_TRUE L1180
    .loc 0 243 42                       ; examples/compute_market.contract:243:42
  1176  PUSH_CONST 18                   ; "job is settled"
    .loc 0 243 9                        ; examples/compute_market.contract:243:9
  1179  REVERT
    .loc 0 244 30                       ; examples/compute_market.contract:244:30
L1180:
  1180  LOAD 0                          ; job
    .loc 0 244 18                       ; examples/compute_market.contract:244:18
  1182  CALL 26                         ; reveal_open
    .loc 0 244 17                       ; examples/compute_market.contract:244:17
  1185  NOT
    .loc 0 244 9                        ; examples/compute_market.contract:244:9
  1186  JUMP_IF_TRUE L1193
    .loc 0 244 36                       ; examples/compute_market.contract:244:36
  1189  PUSH_CONST 19                   ; "commit phase is over"
    .loc 0 244 9                        ; examples/compute_market.contract:244:9
  1192  REVERT
    .loc 0 245 32                       ; examples/compute_market.contract:245:32
L1193:
  1193  LOAD 1                          ; commitment
    .loc 0 245 17                       ; examples/compute_market.contract:245:17
  1195  CALL 27                         ; commit.is_hash
    .loc 0 245 9                        ; examples/compute_market.contract:245:9
  1198  JUMP_IF_TRUE L1205
    .loc 0 245 45                       ; examples/compute_market.contract:245:45
  1201  PUSH_CONST 32                   ; "commitment must be 32 bytes"
    .loc 0 245 9                        ; examples/compute_market.contract:245:9
  1204  REVERT
    .loc 0 246 21                       ; examples/compute_market.contract:246:21
L1205:
  1205  PUSH_CONST 26                   ; 0x01
    .loc 0 246 32                       ; examples/compute_market.contract:246:32
  1208  LOAD 0                          ; job
    .loc 0 246 21                       ; examples/compute_market.contract:246:21
  1210  KEY
    .loc 0 246 37                       ; examples/compute_market.contract:246:37
  1211  LOAD 2
    .loc 0 246 21                       ; examples/compute_market.contract:246:21
  1213  KEY
  1214  PUSH_INT 1
  1216  KEY
  1217  SLOAD 3                         ; bytes
    .loc 0 246 17                       ; examples/compute_market.contract:246:17
  1219  LEN
    .loc 0 246 58                       ; examples/compute_market.contract:246:58
  1220  PUSH_INT 0
    .loc 0 246 55                       ; examples/compute_market.contract:246:55
  1222  EQ
    .loc 0 246 9                        ; examples/compute_market.contract:246:9
  1223  JUMP_IF_TRUE L1230
    .loc 0 246 61                       ; examples/compute_market.contract:246:61
  1226  PUSH_CONST 33                   ; "already committed"
    .loc 0 246 9                        ; examples/compute_market.contract:246:9
  1229  REVERT
    .loc 0 247 18                       ; examples/compute_market.contract:247:18
L1230:
  1230  PUSH_CONST 34                   ; 0x03
    .loc 0 247 35                       ; examples/compute_market.contract:247:35
  1233  LOAD 0                          ; job
    .loc 0 247 18                       ; examples/compute_market.contract:247:18
  1235  KEY
    .loc 0 247 40                       ; examples/compute_market.contract:247:40
  1236  LOAD 1                          ; commitment
    .loc 0 247 18                       ; examples/compute_market.contract:247:18
  1238  KEY
  1239  SLOAD 1                         ; bool
    .loc 0 247 17                       ; examples/compute_market.contract:247:17
  1241  NOT
    .loc 0 247 9                        ; examples/compute_market.contract:247:9
  1242  JUMP_IF_TRUE L1249
    .loc 0 247 53                       ; examples/compute_market.contract:247:53
  1245  PUSH_CONST 35                   ; "commitment already used"
    .loc 0 247 9                        ; examples/compute_market.contract:247:9
  1248  REVERT
    .loc 0 248 9                        ; examples/compute_market.contract:248:9
L1249:
  1249  PUSH_CONST 34                   ; 0x03
    .loc 0 248 26                       ; examples/compute_market.contract:248:26
  1252  LOAD 0                          ; job
    .loc 0 248 9                        ; examples/compute_market.contract:248:9
  1254  KEY
    .loc 0 248 31                       ; examples/compute_market.contract:248:31
  1255  LOAD 1                          ; commitment
    .loc 0 248 9                        ; examples/compute_market.contract:248:9
  1257  KEY
    .loc 0 248 45                       ; examples/compute_market.contract:248:45
  1258  PUSH_TRUE
    .loc 0 248 9                        ; examples/compute_market.contract:248:9
  1259  SSTORE
    .loc 0 249 9                        ; examples/compute_market.contract:249:9
  1260  PUSH_CONST 26                   ; 0x01
    .loc 0 249 20                       ; examples/compute_market.contract:249:20
  1263  LOAD 0                          ; job
    .loc 0 249 9                        ; examples/compute_market.contract:249:9
  1265  KEY
    .loc 0 249 25                       ; examples/compute_market.contract:249:25
  1266  LOAD 2
    .loc 0 249 9                        ; examples/compute_market.contract:249:9
  1268  KEY
  1269  PUSH_INT 1
  1271  KEY
    .loc 0 249 44                       ; examples/compute_market.contract:249:44
  1272  LOAD 1                          ; commitment
    .loc 0 249 9                        ; examples/compute_market.contract:249:9
  1274  SSTORE
    .loc 0 250 9                        ; examples/compute_market.contract:250:9
  1275  PUSH_CONST 10                   ; 0x00
    .loc 0 250 14                       ; examples/compute_market.contract:250:14
  1278  LOAD 0                          ; job
    .loc 0 250 9                        ; examples/compute_market.contract:250:9
  1280  OVER
  1281  SLOAD 0                         ; int
  1283  CHECK_INDEX
  1284  KEY
  1285  PUSH_INT 9
  1287  KEY
  1288  DUP
  1289  SLOAD 0                         ; int
    .loc 0 250 32                       ; examples/compute_market.contract:250:32
  1291  PUSH_INT 1
    .loc 0 250 9                        ; examples/compute_market.contract:250:9
  1293  ADD
  1294  SSTORE
    .loc 0 251 24                       ; examples/compute_market.contract:251:24
  1295  LOAD 0                          ; job
    .loc 0 251 29                       ; examples/compute_market.contract:251:29
  1297  CALLER
    .loc 0 251 41                       ; examples/compute_market.contract:251:41
  1298  LOAD 1                          ; commitment
    .loc 0 251 9                        ; examples/compute_market.contract:251:9
  1300  EMIT 2                          ; Committed
    .loc 0 240 55                       ; examples/compute_market.contract:240:55
  1303  RET

.function 8 reveal(job: int, result_hash: bytes, salt: bytes) locals 4 pub
    .loc 0 257 21                       ; examples/compute_market.contract:257:21
  1304  LOAD 0                          ; job
    .loc 0 257 9                        ; examples/compute_market.contract:257:9
  1306  CALL 24                         ; require_job
    .loc 0 258 31                       ; examples/compute_market.contract:258:31
  1309  LOAD 0                          ; job
    .loc 0 258 36                       ; examples/compute_market.contract:258:36
  1311  CALLER
    .loc 0 258 20                       ; examples/compute_market.contract:258:20
  1312  CALL 25                         ; seat_index
    .loc 0 258 9                        ; examples/compute_market.contract:258:9
  1315  STORE 3
    .loc 0 259 17                       ; examples/compute_market.contract:259:17
  1317  PUSH_CONST 10                   ; 0x00
    .loc 0 259 22                       ; examples/compute_market.contract:259:22
  1320  LOAD 0                          ; job
    .loc 0 259 17                       ; examples/compute_market.contract:259:17
  1322  OVER
  1323  SLOAD 0                         ; int
  1325  CHECK_INDEX
  1326  KEY
  1327  PUSH_INT 11
  1329  KEY
  1330  SLOAD 0                         ; int
    .loc 0 259 36                       ; examples/compute_market.contract:259:36
  1332  PUSH_INT 0
    .loc 0 259 33                       ; examples/compute_market.contract:259:33
  1334  EQ
    .loc 0 259 9                        ; examples/compute_market.contract:259:9
  1335  JUMP_IF_TRUE L1342
    .loc 0 259 42                       ; examples/compute_market.contract:259:42
  1338  PUSH_CONST 18                   ; "job is settled"
    .loc 0 259 9                        ; examples/compute_market.contract:259:9
  1341  REVERT
    .loc 0 260 29                       ; examples/compute_market.contract:260:29
L1342:
  1342  LOAD 0                          ; job
    .loc 0 260 17                       ; examples/compute_market.contract:260:17
  1344  CALL 26                         ; reveal_open
    .loc 0 260 9                        ; examples/compute_market.contract:260:9
  1347  JUMP_IF_TRUE L1354
    .loc 0 260 35                       ; examples/compute_market.contract:260:35
  1350  PUSH_CONST 36                   ; "reveal phase has not started"
    .loc 0 260 9                        ; examples/compute_market.contract:260:9
  1353  REVERT
    .loc 0 261 17                       ; examples/compute_market.contract:261:17
L1354:
  1354  BLOCK_NUMBER
    .loc 0 261 33                       ; examples/compute_market.contract:261:33
  1355  PUSH_CONST 10                   ; 0x00
    .loc 0 261 38                       ; examples/compute_market.contract:261:38
  1358  LOAD 0                          ; job
    .loc 0 261 33                       ; examples/compute_market.contract:261:33
  1360  OVER
  1361  SLOAD 0                         ; int
  1363  CHECK_INDEX
  1364  KEY
  1365  PUSH_INT 7
  1367  KEY
  1368  SLOAD 0                         ; int
    .loc 0 261 30                       ; examples/compute_market.contract:261:30
  1370  LE
    .loc 0 261 9                        ; examples/compute_market.contract:261:9
  1371  JUMP_IF_TRUE L1378
    .loc 0 261 60                       ; examples/compute_market.contract:261:60
  1374  PUSH_CONST 37                   ; "reveal phase is over"
    .loc 0 261 9                        ; examples/compute_market.contract:261:9
  1377  REVERT
    .loc 0 262 21                       ; examples/compute_market.contract:262:21
L1378:
  1378  PUSH_CONST 26                   ; 0x01
    .loc 0 262 32                       ; examples/compute_market.contract:262:32
  1381  LOAD 0                          ; job
    .loc 0 262 21                       ; examples/compute_market.contract:262:21
  1383  KEY
    .loc 0 262 37                       ; examples/compute_market.contract:262:37
  1384  LOAD 3
    .loc 0 262 21                       ; examples/compute_market.contract:262:21
  1386  KEY
  1387  PUSH_INT 1
  1389  KEY
  1390  SLOAD 3                         ; bytes
    .loc 0 262 17                       ; examples/compute_market.contract:262:17
  1392  LEN
    .loc 0 262 57                       ; examples/compute_market.contract:262:57
  1393  PUSH_INT 0
    .loc 0 262 55                       ; examples/compute_market.contract:262:55
  1395  GT
    .loc 0 262 9                        ; examples/compute_market.contract:262:9
  1396  JUMP_IF_TRUE L1403
    .loc 0 262 60                       ; examples/compute_market.contract:262:60
  1399  PUSH_CONST 38                   ; "nothing committed"
    .loc 0 262 9                        ; examples/compute_market.contract:262:9
  1402  REVERT
    .loc 0 263 21                       ; examples/compute_market.contract:263:21
L1403:
  1403  PUSH_CONST 26                   ; 0x01
    .loc 0 263 32                       ; examples/compute_market.contract:263:32
  1406  LOAD 0                          ; job
    .loc 0 263 21                       ; examples/compute_market.contract:263:21
  1408  KEY
    .loc 0 263 37                       ; examples/compute_market.contract:263:37
  1409  LOAD 3
    .loc 0 263 21                       ; examples/compute_market.contract:263:21
  1411  KEY
  1412  PUSH_INT 2
  1414  KEY
  1415  SLOAD 3                         ; bytes
    .loc 0 263 17                       ; examples/compute_market.contract:263:17
  1417  LEN
    .loc 0 263 59                       ; examples/compute_market.contract:263:59
  1418  PUSH_INT 0
    .loc 0 263 56                       ; examples/compute_market.contract:263:56
  1420  EQ
    .loc 0 263 9                        ; examples/compute_market.contract:263:9
  1421  JUMP_IF_TRUE L1428
    .loc 0 263 62                       ; examples/compute_market.contract:263:62
  1424  PUSH_CONST 39                   ; "already revealed"
    .loc 0 263 9                        ; examples/compute_market.contract:263:9
  1427  REVERT
    .loc 0 264 30                       ; examples/compute_market.contract:264:30
L1428:
  1428  PUSH_CONST 26                   ; 0x01
    .loc 0 264 41                       ; examples/compute_market.contract:264:41
  1431  LOAD 0                          ; job
    .loc 0 264 30                       ; examples/compute_market.contract:264:30
  1433  KEY
    .loc 0 264 46                       ; examples/compute_market.contract:264:46
  1434  LOAD 3
    .loc 0 264 30                       ; examples/compute_market.contract:264:30
  1436  KEY
  1437  PUSH_INT 1
  1439  KEY
  1440  SLOAD 3                         ; bytes
    .loc 0 264 64                       ; examples/compute_market.contract:264:64
  1442  LOAD 1                          ; result_hash
    .loc 0 264 77                       ; examples/compute_market.contract:264:77
  1444  LOAD 2                          ; salt
    .loc 0 264 17                       ; examples/compute_market.contract:264:17
  1446  CALL 28                         ; commit.opens
    .loc 0 264 9                        ; examples/compute_market.contract:264:9
  1449  JUMP_IF_TRUE L1456
    .loc 0 265 17                       ; examples/compute_market.contract:265:17
  1452  PUSH_CONST 40                   ; "reveal does not match commitment"
    .loc 0 264 9                        ; examples/compute_market.contract:264:9
  1455  REVERT
    .loc 0 266 9                        ; examples/compute_market.contract:266:9
L1456:
  1456  PUSH_CONST 26                   ; 0x01
    .loc 0 266 20                       ; examples/compute_market.contract:266:20
  1459  LOAD 0                          ; job
    .loc 0 266 9                        ; examples/compute_market.contract:266:9
  1461  KEY
    .loc 0 266 25                       ; examples/compute_market.contract:266:25
  1462  LOAD 3
    .loc 0 266 9                        ; examples/compute_market.contract:266:9
  1464  KEY
  1465  PUSH_INT 2
  1467  KEY
    .loc 0 266 45                       ; examples/compute_market.contract:266:45
  1468  LOAD 1                          ; result_hash
    .loc 0 266 9                        ; examples/compute_market.contract:266:9
  1470  SSTORE
    .loc 0 267 9                        ; examples/compute_market.contract:267:9
  1471  PUSH_CONST 10                   ; 0x00
    .loc 0 267 14                       ; examples/compute_market.contract:267:14
  1474  LOAD 0                          ; job
    .loc 0 267 9                        ; examples/compute_market.contract:267:9
  1476  OVER
  1477  SLOAD 0                         ; int
  1479  CHECK_INDEX
  1480  KEY
  1481  PUSH_INT 10
  1483  KEY
  1484  DUP
  1485  SLOAD 0                         ; int
    .loc 0 267 31                       ; examples/compute_market.contract:267:31
  1487  PUSH_INT 1
    .loc 0 267 9                        ; examples/compute_market.contract:267:9
  1489  ADD
  1490  SSTORE
    .loc 0 268 9                        ; examples/compute_market.contract:268:9
  1491  PUSH_CONST 41                   ; 0x04
    .loc 0 268 18                       ; examples/compute_market.contract:268:18
  1494  LOAD 0                          ; job
    .loc 0 268 9                        ; examples/compute_market.contract:268:9
  1496  KEY
    .loc 0 268 23                       ; examples/compute_market.contract:268:23
  1497  LOAD 1                          ; result_hash
    .loc 0 268 9                        ; examples/compute_market.contract:268:9
  1499  KEY
  1500  DUP
  1501  SLOAD 0                         ; int
    .loc 0 268 39                       ; examples/compute_market.contract:268:39
  1503  PUSH_INT 1
    .loc 0 268 9                        ; examples/compute_market.contract:268:9
  1505  ADD
  1506  SSTORE
    .loc 0 269 23                       ; examples/compute_market.contract:269:23
  1507  LOAD 0                          ; job
    .loc 0 269 28                       ; examples/compute_market.contract:269:28
  1509  CALLER
    .loc 0 269 40                       ; examples/compute_market.contract:269:40
  1510  LOAD 1                          ; result_hash
    .loc 0 269 9                        ; examples/compute_market.contract:269:9
  1512  EMIT 3                          ; Revealed
    .loc 0 271 12                       ; examples/compute_market.contract:271:12
  1515  PUSH_CONST 41                   ; 0x04
    .loc 0 271 21                       ; examples/compute_market.contract:271:21
  1518  LOAD 0                          ; job
    .loc 0 271 12                       ; examples/compute_market.contract:271:12
  1520  KEY
    .loc 0 271 26                       ; examples/compute_market.contract:271:26
  1521  LOAD 1                          ; result_hash
    .loc 0 271 12                       ; examples/compute_market.contract:271:12
  1523  KEY
  1524  SLOAD 0                         ; int
    .loc 0 271 42                       ; examples/compute_market.contract:271:42
  1526  PUSH_CONST 10                   ; 0x00
    .loc 0 271 47                       ; examples/compute_market.contract:271:47
  1529  LOAD 0                          ; job
    .loc 0 271 42                       ; examples/compute_market.contract:271:42
  1531  OVER
  1532  SLOAD 0                         ; int
  1534  CHECK_INDEX
  1535  KEY
  1536  PUSH_INT 4
  1538  KEY
  1539  SLOAD 0                         ; int
    .loc 0 271 39                       ; examples/compute_market.contract:271:39
  1541  EQ
    .loc 0 271 9                        ; examples/compute_market.contract:271:9
  1542  JUMP_IF_FALSE L1568
    .loc 0 272 13                       ; examples/compute_market.contract:272:13
  1545  PUSH_CONST 10                   ; 0x00
    .loc 0 272 18                       ; examples/compute_market.contract:272:18
  1548  LOAD 0                          ; job
    .loc 0 272 13                       ; examples/compute_market.contract:272:13
  1550  OVER
  1551  SLOAD 0                         ; int
  1553  CHECK_INDEX
  1554  KEY
  1555  PUSH_INT 12
  1557  KEY
    .loc 0 272 37                       ; examples/compute_market.contract:272:37
  1558  LOAD 1                          ; result_hash
    .loc 0 272 13                       ; examples/compute_market.contract:272:13
  1560  SSTORE
    .loc 0 273 32                       ; examples/compute_market.contract:273:32
  1561  LOAD 0                          ; job
    .loc 0 273 37                       ; examples/compute_market.contract:273:37
  1563  LOAD 1                          ; result_hash
    .loc 0 273 13                       ; examples/compute_market.contract:273:13
  1565  EMIT 4                          ; QuorumReached
    .loc 0 256 62                       ; examples/compute_market.contract:256:62
L1568:
  1568  RET

.function 9 deliver(job: int, result_blob: bytes) locals 3 pub
    .loc 0 279 21                       ; examples/compute_market.contract:279:21
  1569  LOAD 0                          ; job
    .loc 0 279 9                        ; examples/compute_market.contract:279:9
  1571  CALL 24                         ; require_job
    .loc 0 280 31                       ; examples/compute_market.contract:280:31
  1574  LOAD 0                          ; job
    .loc 0 280 36                       ; examples/compute_market.contract:280:36
  1576  CALLER
    .loc 0 280 20                       ; examples/compute_market.contract:280:20
  1577  CALL 25                         ; seat_index
    .loc 0 280 9                        ; examples/compute_market.contract:280:9
  1580  STORE 2
    .loc 0 281 21                       ; examples/compute_market.contract:281:21
  1582  PUSH_CONST 10                   ; 0x00
    .loc 0 281 26                       ; examples/compute_market.contract:281:26
  1585  LOAD 0                          ; job
    .loc 0 281 21                       ; examples/compute_market.contract:281:21
  1587  OVER
  1588  SLOAD 0                         ; int
  1590  CHECK_INDEX
  1591  KEY
  1592  PUSH_INT 13
  1594  KEY
  1595  SLOAD 3                         ; bytes
    .loc 0 281 17                       ; examples/compute_market.contract:281:17
  1597  LEN
    .loc 0 281 41                       ; examples/compute_market.contract:281:41
  1598  PUSH_INT 0
    .loc 0 281 39                       ; examples/compute_market.contract:281:39
  1600  GT
    .loc 0 281 9                        ; examples/compute_market.contract:281:9
  1601  JUMP_IF_TRUE L1608
    .loc 0 281 44                       ; examples/compute_market.contract:281:44
  1604  PUSH_CONST 28                   ; "not a sealed job"
    .loc 0 281 9                        ; examples/compute_market.contract:281:9
  1607  REVERT
    .loc 0 282 21                       ; examples/compute_market.contract:282:21
L1608:
  1608  PUSH_CONST 26                   ; 0x01
    .loc 0 282 32                       ; examples/compute_market.contract:282:32
  1611  LOAD 0                          ; job
    .loc 0 282 21                       ; examples/compute_market.contract:282:21
  1613  KEY
    .loc 0 282 37                       ; examples/compute_market.contract:282:37
  1614  LOAD 2
    .loc 0 282 21                       ; examples/compute_market.contract:282:21
  1616  KEY
  1617  PUSH_INT 2
  1619  KEY
  1620  SLOAD 3                         ; bytes
    .loc 0 282 17                       ; examples/compute_market.contract:282:17
  1622  LEN
    .loc 0 282 58                       ; examples/compute_market.contract:282:58
  1623  PUSH_INT 0
    .loc 0 282 56                       ; examples/compute_market.contract:282:56
  1625  GT
    .loc 0 282 9                        ; examples/compute_market.contract:282:9
  1626  JUMP_IF_TRUE L1633
    .loc 0 282 61                       ; examples/compute_market.contract:282:61
  1629  PUSH_CONST 42                   ; "reveal first"
    .loc 0 282 9                        ; examples/compute_market.contract:282:9
  1632  REVERT
    .loc 0 283 32                       ; examples/compute_market.contract:283:32
L1633:
  1633  LOAD 1                          ; result_blob
    .loc 0 283 17                       ; examples/compute_market.contract:283:17
  1635  CALL 27                         ; commit.is_hash
    .loc 0 283 9                        ; examples/compute_market.contract:283:9
  1638  JUMP_IF_TRUE L1645
    .loc 0 283 46                       ; examples/compute_market.contract:283:46
  1641  PUSH_CONST 43                   ; "result blob hash must be 32 bytes"
    .loc 0 283 9                        ; examples/compute_market.contract:283:9
  1644  REVERT
    .loc 0 284 21                       ; examples/compute_market.contract:284:21
L1645:
  1645  PUSH_CONST 26                   ; 0x01
    .loc 0 284 32                       ; examples/compute_market.contract:284:32
  1648  LOAD 0                          ; job
    .loc 0 284 21                       ; examples/compute_market.contract:284:21
  1650  KEY
    .loc 0 284 37                       ; examples/compute_market.contract:284:37
  1651  LOAD 2
    .loc 0 284 21                       ; examples/compute_market.contract:284:21
  1653  KEY
  1654  PUSH_INT 5
  1656  KEY
  1657  SLOAD 3                         ; bytes
    .loc 0 284 17                       ; examples/compute_market.contract:284:17
  1659  LEN
    .loc 0 284 59                       ; examples/compute_market.contract:284:59
  1660  PUSH_INT 0
    .loc 0 284 56                       ; examples/compute_market.contract:284:56
  1662  EQ
    .loc 0 284 9                        ; examples/compute_market.contract:284:9
  1663  JUMP_IF_TRUE L1670
    .loc 0 284 62                       ; examples/compute_market.contract:284:62
  1666  PUSH_CONST 44                   ; "already delivered"
    .loc 0 284 9                        ; examples/compute_market.contract:284:9
  1669  REVERT
    .loc 0 285 9                        ; examples/compute_market.contract:285:9
L1670:
  1670  PUSH_CONST 26                   ; 0x01
    .loc 0 285 20                       ; examples/compute_market.contract:285:20
  1673  LOAD 0                          ; job
    .loc 0 285 9                        ; examples/compute_market.contract:285:9
  1675  KEY
    .loc 0 285 25                       ; examples/compute_market.contract:285:25
  1676  LOAD 2
    .loc 0 285 9                        ; examples/compute_market.contract:285:9
  1678  KEY
  1679  PUSH_INT 5
  1681  KEY
    .loc 0 285 45                       ; examples/compute_market.contract:285:45
  1682  LOAD 1                          ; result_blob
    .loc 0 285 9                        ; examples/compute_market.contract:285:9
  1684  SSTORE
    .loc 0 286 30                       ; examples/compute_market.contract:286:30
  1685  LOAD 0                          ; job
    .loc 0 286 35                       ; examples/compute_market.contract:286:35
  1687  CALLER
    .loc 0 286 47                       ; examples/compute_market.contract:286:47
  1688  LOAD 1                          ; result_blob
    .loc 0 286 9                        ; examples/compute_market.contract:286:9
  1690  EMIT 15                         ; ResultDelivered
    .loc 0 278 50                       ; examples/compute_market.contract:278:50
  1693  RET

.function 10 finalize(job: int) locals 12 pub
    .loc 0 291 21                       ; examples/compute_market.contract:291:21
  1694  LOAD 0                          ; job
    .loc 0 291 9                        ; examples/compute_market.contract:291:9
  1696  CALL 24                         ; require_job
    .loc 0 292 17                       ; examples/compute_market.contract:292:17
  1699  PUSH_CONST 10                   ; 0x00
    .loc 0 292 22                       ; examples/compute_market.contract:292:22
  1702  LOAD 0                          ; job
    .loc 0 292 17                       ; examples/compute_market.contract:292:17
  1704  OVER
  1705  SLOAD 0                         ; int
  1707  CHECK_INDEX
  1708  KEY
  1709  PUSH_INT 11
  1711  KEY
  1712  SLOAD 0                         ; int
    .loc 0 292 36                       ; examples/compute_market.contract:292:36
  1714  PUSH_INT 0
    .loc 0 292 33                       ; examples/compute_market.contract:292:33
  1716  EQ
    .loc 0 292 9                        ; examples/compute_market.contract:292:9
  1717  JUMP_IF_TRUE L1724
    .loc 0 292 42                       ; examples/compute_market.contract:292:42
  1720  PUSH_CONST 18                   ; "job is settled"
    .loc 0 292 9                        ; examples/compute_market.contract:292:9
  1723  REVERT
    .loc 0 293 45                       ; examples/compute_market.contract:293:45
L1724:
  1724  LOAD 0                          ; job
    .loc 0 293 33                       ; examples/compute_market.contract:293:33
  1726  CALL 26                         ; reveal_open
    .loc 0 293 50                       ; examples/compute_market.contract:293:50
  1729  DUP
  1730  JUMP_IF_FALSE L1765
  1733  POP
    .loc 0 293 53                       ; examples/compute_market.contract:293:53
  1734  PUSH_CONST 10                   ; 0x00
    .loc 0 293 58                       ; examples/compute_market.contract:293:58
  1737  LOAD 0                          ; job
    .loc 0 293 53                       ; examples/compute_market.contract:293:53
  1739  OVER
  1740  SLOAD 0                         ; int
  1742  CHECK_INDEX
  1743  KEY
  1744  PUSH_INT 10
  1746  KEY
  1747  SLOAD 0                         ; int
    .loc 0 293 75                       ; examples/compute_market.contract:293:75
  1749  PUSH_CONST 10                   ; 0x00
    .loc 0 293 80                       ; examples/compute_market.contract:293:80
  1752  LOAD 0                          ; job
    .loc 0 293 75                       ; examples/compute_market.contract:293:75
  1754  OVER
  1755  SLOAD 0                         ; int
  1757  CHECK_INDEX
  1758  KEY
  1759  PUSH_INT 9
  1761  KEY
  1762  SLOAD 0                         ; int
    .loc 0 293 72                       ; examples/compute_market.contract:293:72
  1764  EQ
    .loc 0 293 9                        ; examples/compute_market.contract:293:9
L1765:
  1765  STORE 1
    .loc 0 294 17                       ; examples/compute_market.contract:294:17
  1767  BLOCK_NUMBER
    .loc 0 294 32                       ; examples/compute_market.contract:294:32
  1768  PUSH_CONST 10                   ; 0x00
    .loc 0 294 37                       ; examples/compute_market.contract:294:37
  1771  LOAD 0                          ; job
    .loc 0 294 32                       ; examples/compute_market.contract:294:32
  1773  OVER
  1774  SLOAD 0                         ; int
  1776  CHECK_INDEX
  1777  KEY
  1778  PUSH_INT 7
  1780  KEY
  1781  SLOAD 0                         ; int
    .loc 0 294 30                       ; examples/compute_market.contract:294:30
  1783  GT
    .loc 0 294 58                       ; examples/compute_market.contract:294:58
  1784  DUP
  1785  JUMP_IF_TRUE L1791
  1788  POP
    .loc 0 294 61                       ; examples/compute_market.contract:294:61
  1789  LOAD 1
    .loc 0 294 9                        ; examples/compute_market.contract:294:9
L1791:
  1791  JUMP_IF_TRUE L1798
    .loc 0 295 17                       ; examples/compute_market.contract:295:17
  1794  PUSH_CONST 45                   ; "reveal phase is not over"
    .loc 0 294 9                        ; examples/compute_market.contract:294:9
  1797  REVERT
    .loc 0 297 22                       ; examples/compute_market.contract:297:22
L1798:
  1798  PUSH_CONST 10                   ; 0x00
    .loc 0 297 27                       ; examples/compute_market.contract:297:27
  1801  LOAD 0                          ; job
    .loc 0 297 22                       ; examples/compute_market.contract:297:22
  1803  OVER
  1804  SLOAD 0                         ; int
  1806  CHECK_INDEX
  1807  KEY
  1808  PUSH_INT 0
  1810  KEY
  1811  SLOAD 2                         ; address
    .loc 0 297 9                        ; examples/compute_market.contract:297:9
  1813  STORE 2
    .loc 0 298 21                       ; examples/compute_market.contract:298:21
  1815  PUSH_CONST 10                   ; 0x00
    .loc 0 298 26                       ; examples/compute_market.contract:298:26
  1818  LOAD 0                          ; job
    .loc 0 298 21                       ; examples/compute_market.contract:298:21
  1820  OVER
  1821  SLOAD 0                         ; int
  1823  CHECK_INDEX
  1824  KEY
  1825  PUSH_INT 5
  1827  KEY
  1828  SLOAD 0                         ; int
    .loc 0 298 9                        ; examples/compute_market.contract:298:9
  1830  STORE 3
    .loc 0 299 22                       ; examples/compute_market.contract:299:22
  1832  PUSH_CONST 10                   ; 0x00
    .loc 0 299 27                       ; examples/compute_market.contract:299:27
  1835  LOAD 0                          ; job
    .loc 0 299 22                       ; examples/compute_market.contract:299:22
  1837  OVER
  1838  SLOAD 0                         ; int
  1840  CHECK_INDEX
  1841  KEY
  1842  PUSH_INT 12
  1844  KEY
  1845  SLOAD 3                         ; bytes
    .loc 0 299 9                        ; examples/compute_market.contract:299:9
  1847  STORE 4
    .loc 0 300 26                       ; examples/compute_market.contract:300:26
  1849  LOAD 4
    .loc 0 300 22                       ; examples/compute_market.contract:300:22
  1851  LEN
    .loc 0 300 36                       ; examples/compute_market.contract:300:36
  1852  PUSH_INT 0
    .loc 0 300 34                       ; examples/compute_market.contract:300:34
  1854  GT
    .loc 0 300 9                        ; examples/compute_market.contract:300:9
  1855  STORE 5
    .loc 0 301 26                       ; examples/compute_market.contract:301:26
  1857  PUSH_CONST 10                   ; 0x00
    .loc 0 301 31                       ; examples/compute_market.contract:301:31
  1860  LOAD 0                          ; job
    .loc 0 301 26                       ; examples/compute_market.contract:301:26
  1862  OVER
  1863  SLOAD 0                         ; int
  1865  CHECK_INDEX
  1866  KEY
  1867  PUSH_INT 13
  1869  KEY
  1870  SLOAD 3                         ; bytes
    .loc 0 301 22                       ; examples/compute_market.contract:301:22
  1872  LEN
    .loc 0 301 46                       ; examples/compute_market.contract:301:46
  1873  PUSH_INT 0
    .loc 0 301 44                       ; examples/compute_market.contract:301:44
  1875  GT
    .loc 0 301 9                        ; examples/compute_market.contract:301:9
  1876  STORE 6
    .loc 0 302 21                       ; examples/compute_market.contract:302:21
  1878  PUSH_INT 0
    .loc 0 302 9                        ; examples/compute_market.contract:302:9
  1880  STORE 7
    .loc 0 303 12                       ; examples/compute_market.contract:303:12
  1882  LOAD 5
    .loc 0 303 9                        ; examples/compute_market.contract:303:9
  1884  JUMP_IF_FALSE L1976
    .loc 0 304 13                       ; examples/compute_market.contract:304:13
  1887  PUSH_CONST 10                   ; 0x00
    .loc 0 304 18                       ; examples/compute_market.contract:304:18
  1890  LOAD 0                          ; job
    .loc 0 304 13                       ; examples/compute_market.contract:304:13
  1892  OVER
  1893  SLOAD 0                         ; int
  1895  CHECK_INDEX
  1896  KEY
  1897  PUSH_INT 11
  1899  KEY
    .loc 0 304 31                       ; examples/compute_market.contract:304:31
  1900  PUSH_INT 1
    .loc 0 304 13                       ; examples/compute_market.contract:304:13
  1902  SSTORE
    .loc 0 305 21                       ; examples/compute_market.contract:305:21
  1903  PUSH_CONST 10                   ; 0x00
    .loc 0 305 26                       ; examples/compute_market.contract:305:26
  1906  LOAD 0                          ; job
    .loc 0 305 21                       ; examples/compute_market.contract:305:21
  1908  OVER
  1909  SLOAD 0                         ; int
  1911  CHECK_INDEX
  1912  KEY
  1913  PUSH_INT 1
  1915  KEY
  1916  SLOAD 0                         ; int
    .loc 0 305 41                       ; examples/compute_market.contract:305:41
  1918  PUSH_CONST 41                   ; 0x04
    .loc 0 305 50                       ; examples/compute_market.contract:305:50
  1921  LOAD 0                          ; job
    .loc 0 305 41                       ; examples/compute_market.contract:305:41
  1923  KEY
    .loc 0 305 55                       ; examples/compute_market.contract:305:55
  1924  LOAD 4
    .loc 0 305 41                       ; examples/compute_market.contract:305:41
  1926  KEY
  1927  SLOAD 0                         ; int
    .loc 0 305 39                       ; examples/compute_market.contract:305:39
  1929  DIV
    .loc 0 305 13                       ; examples/compute_market.contract:305:13
  1930  STORE 7
    .loc 0 307 13                       ; examples/compute_market.contract:307:13
  1932  PUSH_CONST 46                   ; 0x05
    .loc 0 307 21                       ; examples/compute_market.contract:307:21
  1935  LOAD 2
    .loc 0 307 13                       ; examples/compute_market.contract:307:13
  1937  KEY
  1938  DUP
  1939  SLOAD 0                         ; int
    .loc 0 307 32                       ; examples/compute_market.contract:307:32
  1941  PUSH_CONST 10                   ; 0x00
    .loc 0 307 37                       ; examples/compute_market.contract:307:37
  1944  LOAD 0                          ; job
    .loc 0 307 32                       ; examples/compute_market.contract:307:32
  1946  OVER
  1947  SLOAD 0                         ; int
  1949  CHECK_INDEX
  1950  KEY
  1951  PUSH_INT 1
  1953  KEY
  1954  SLOAD 0                         ; int
    .loc 0 307 52                       ; examples/compute_market.contract:307:52
  1956  LOAD 7
    .loc 0 307 60                       ; examples/compute_market.contract:307:60
  1958  PUSH_CONST 41                   ; 0x04
    .loc 0 307 69                       ; examples/compute_market.contract:307:69
  1961  LOAD 0                          ; job
    .loc 0 307 60                       ; examples/compute_market.contract:307:60
  1963  KEY
    .loc 0 307 74                       ; examples/compute_market.contract:307:74
  1964  LOAD 4
    .loc 0 307 60                       ; examples/compute_market.contract:307:60
  1966  KEY
  1967  SLOAD 0                         ; int
    .loc 0 307 58                       ; examples/compute_market.contract:307:58
  1969  MUL
    .loc 0 307 50                       ; examples/compute_market.contract:307:50
  1970  SUB
    .loc 0 307 13                       ; examples/compute_market.contract:307:13
  1971  ADD
  1972  SSTORE
    .loc 0 303 9                        ; examples/compute_market.contract:303:9
  1973  JUMP L2018
    .loc 0 309 13                       ; examples/compute_market.contract:309:13
L1976:
  1976  PUSH_CONST 10                   ; 0x00
    .loc 0 309 18                       ; examples/compute_market.contract:309:18
  1979  LOAD 0                          ; job
    .loc 0 309 13                       ; examples/compute_market.contract:309:13
  1981  OVER
  1982  SLOAD 0                         ; int
  1984  CHECK_INDEX
  1985  KEY
  1986  PUSH_INT 11
  1988  KEY
    .loc 0 309 31                       ; examples/compute_market.contract:309:31
  1989  PUSH_INT 2
    .loc 0 309 13                       ; examples/compute_market.contract:309:13
  1991  SSTORE
    .loc 0 310 13                       ; examples/compute_market.contract:310:13
  1992  PUSH_CONST 46                   ; 0x05
    .loc 0 310 21                       ; examples/compute_market.contract:310:21
  1995  LOAD 2
    .loc 0 310 13                       ; examples/compute_market.contract:310:13
  1997  KEY
  1998  DUP
  1999  SLOAD 0                         ; int
    .loc 0 310 32                       ; examples/compute_market.contract:310:32
  2001  PUSH_CONST 10                   ; 0x00
    .loc 0 310 37                       ; examples/compute_market.contract:310:37
  2004  LOAD 0                          ; job
    .loc 0 310 32                       ; examples/compute_market.contract:310:32
  2006  OVER
  2007  SLOAD 0                         ; int
  2009  CHECK_INDEX
  2010  KEY
  2011  PUSH_INT 1
  2013  KEY
  2014  SLOAD 0                         ; int
    .loc 0 310 13                       ; examples/compute_market.contract:310:13
  2016  ADD
  2017  SSTORE
    .loc 0 313 9                        ; examples/compute_market.contract:313:9
L2018:
  2018  PUSH_INT 0
  2020  STORE 8
    .loc 0 313 24                       ; examples/compute_market.contract:313:24
  2022  PUSH_CONST 10                   ; 0x00
    .loc 0 313 29                       ; examples/compute_market.contract:313:29
  2025  LOAD 0                          ; job
    .loc 0 313 24                       ; examples/compute_market.contract:313:24
  2027  OVER
  2028  SLOAD 0                         ; int
  2030  CHECK_INDEX
  2031  KEY
  2032  PUSH_INT 8
  2034  KEY
  2035  SLOAD 0                         ; int
    .loc 0 313 9                        ; examples/compute_market.contract:313:9
  2037  STORE 9
L2039:
  2039  LOAD 8
  2041  LOAD 9
  2043  LT
  2044  JUMP_IF_FALSE L2251
    .loc 0 314 26                       ; examples/compute_market.contract:314:26
  2047  PUSH_CONST 26                   ; 0x01
    .loc 0 314 37                       ; examples/compute_market.contract:314:37
  2050  LOAD 0                          ; job
    .loc 0 314 26                       ; examples/compute_market.contract:314:26
  2052  KEY
    .loc 0 314 42                       ; examples/compute_market.contract:314:42
  2053  LOAD 8
    .loc 0 314 26                       ; examples/compute_market.contract:314:26
  2055  KEY
  2056  PUSH_INT 0
  2058  KEY
  2059  SLOAD 2                         ; address
    .loc 0 314 13                       ; examples/compute_market.contract:314:13
  2061  STORE 10
    .loc 0 315 28                       ; examples/compute_market.contract:315:28
  2063  PUSH_CONST 26                   ; 0x01
    .loc 0 315 39                       ; examples/compute_market.contract:315:39
  2066  LOAD 0                          ; job
    .loc 0 315 28                       ; examples/compute_market.contract:315:28
  2068  KEY
    .loc 0 315 44                       ; examples/compute_market.contract:315:44
  2069  LOAD 8
    .loc 0 315 28                       ; examples/compute_market.contract:315:28
  2071  KEY
  2072  PUSH_INT 2
  2074  KEY
  2075  SLOAD 3                         ; bytes
    .loc 0 315 13                       ; examples/compute_market.contract:315:13
  2077  STORE 11
    .loc 0 316 16                       ; examples/compute_market.contract:316:16
  2079  LOAD 5
    .loc 0 316 23                       ; examples/compute_market.contract:316:23
  2081  DUP
  2082  JUMP_IF_FALSE L2091
  2085  POP
    .loc 0 316 26                       ; examples/compute_market.contract:316:26
  2086  LOAD 11
    .loc 0 316 38                       ; examples/compute_market.contract:316:38
  2088  LOAD 4
    .loc 0 316 35                       ; examples/compute_market.contract:316:35
  2090  EQ
    .loc 0 316 13                       ; examples/compute_market.contract:316:13
L2091:
  2091  JUMP_IF_FALSE L2124
    .loc 0 317 17                       ; examples/compute_market.contract:317:17
  2094  PUSH_CONST 46                   ; 0x05
    .loc 0 317 25                       ; examples/compute_market.contract:317:25
  2097  LOAD 10
    .loc 0 317 17                       ; examples/compute_market.contract:317:17
  2099  KEY
  2100  DUP
  2101  SLOAD 0                         ; int
    .loc 0 317 36                       ; examples/compute_market.contract:317:36
  2103  LOAD 7
    .loc 0 317 44                       ; examples/compute_market.contract:317:44
  2105  LOAD 3
    .loc 0 317 42                       ; examples/compute_market.contract:317:42
  2107  ADD
    .loc 0 317 17                       ; examples/compute_market.contract:317:17
  2108  ADD
  2109  SSTORE
    .loc 0 318 33                       ; examples/compute_market.contract:318:33
  2110  LOAD 0                          ; job
    .loc 0 318 38                       ; examples/compute_market.contract:318:38
  2112  LOAD 10
    .loc 0 318 46                       ; examples/compute_market.contract:318:46
  2114  LOAD 7
    .loc 0 318 53                       ; examples/compute_market.contract:318:53
  2116  LOAD 3
    .loc 0 318 17                       ; examples/compute_market.contract:318:17
  2118  EMIT 5                          ; WorkerPaid
    .loc 0 316 13                       ; examples/compute_market.contract:316:13
  2121  JUMP L2241
    .loc 0 319 24                       ; examples/compute_market.contract:319:24
L2124:
  2124  LOAD 5
    .loc 0 319 23                       ; examples/compute_market.contract:319:23
  2126  NOT
    .loc 0 319 31                       ; examples/compute_market.contract:319:31
  2127  DUP
  2128  JUMP_IF_FALSE L2138
  2131  POP
    .loc 0 319 38                       ; examples/compute_market.contract:319:38
  2132  LOAD 11
    .loc 0 319 34                       ; examples/compute_market.contract:319:34
  2134  LEN
    .loc 0 319 50                       ; examples/compute_market.contract:319:50
  2135  PUSH_INT 0
    .loc 0 319 48                       ; examples/compute_market.contract:319:48
  2137  GT
    .loc 0 319 20                       ; examples/compute_market.contract:319:20
L2138:
  2138  JUMP_IF_FALSE L2166
    .loc 0 320 17                       ; examples/compute_market.contract:320:17
  2141  PUSH_CONST 46                   ; 0x05
    .loc 0 320 25                       ; examples/compute_market.contract:320:25
  2144  LOAD 10
    .loc 0 320 17                       ; examples/compute_market.contract:320:17
  2146  KEY
  2147  DUP
  2148  SLOAD 0                         ; int
    .loc 0 320 36                       ; examples/compute_market.contract:320:36
  2150  LOAD 3
    .loc 0 320 17                       ; examples/compute_market.contract:320:17
  2152  ADD
  2153  SSTORE
    .loc 0 321 36                       ; examples/compute_market.contract:321:36
  2154  LOAD 0                          ; job
    .loc 0 321 41                       ; examples/compute_market.contract:321:41
  2156  LOAD 10
    .loc 0 321 49                       ; examples/compute_market.contract:321:49
  2158  LOAD 3
    .loc 0 321 17                       ; examples/compute_market.contract:321:17
  2160  EMIT 7                          ; StakeReturned
    .loc 0 319 20                       ; examples/compute_market.contract:319:20
  2163  JUMP L2241
    .loc 0 322 23                       ; examples/compute_market.contract:322:23
L2166:
  2166  LOAD 6
    .loc 0 322 30                       ; examples/compute_market.contract:322:30
  2168  DUP
  2169  JUMP_IF_FALSE L2191
  2172  POP
    .loc 0 322 37                       ; examples/compute_market.contract:322:37
  2173  PUSH_CONST 26                   ; 0x01
    .loc 0 322 48                       ; examples/compute_market.contract:322:48
  2176  LOAD 0                          ; job
    .loc 0 322 37                       ; examples/compute_market.contract:322:37
  2178  KEY
    .loc 0 322 53                       ; examples/compute_market.contract:322:53
  2179  LOAD 8
    .loc 0 322 37                       ; examples/compute_market.contract:322:37
  2181  KEY
  2182  PUSH_INT 4
  2184  KEY
  2185  SLOAD 3                         ; bytes
    .loc 0 322 33                       ; examples/compute_market.contract:322:33
  2187  LEN
    .loc 0 322 72                       ; examples/compute_market.contract:322:72
  2188  PUSH_INT 0
    .loc 0 322 69                       ; examples/compute_market.contract:322:69
  2190  EQ
    .loc 0 322 20                       ; examples/compute_market.contract:322:20
L2191:
  2191  JUMP_IF_FALSE L2219
    .loc 0 324 17                       ; examples/compute_market.contract:324:17
  2194  PUSH_CONST 46                   ; 0x05
    .loc 0 324 25                       ; examples/compute_market.contract:324:25
  2197  LOAD 10
    .loc 0 324 17                       ; examples/compute_market.contract:324:17
  2199  KEY
  2200  DUP
  2201  SLOAD 0                         ; int
    .loc 0 324 36                       ; examples/compute_market.contract:324:36
  2203  LOAD 3
    .loc 0 324 17                       ; examples/compute_market.contract:324:17
  2205  ADD
  2206  SSTORE
    .loc 0 325 36                       ; examples/compute_market.contract:325:36
  2207  LOAD 0                          ; job
    .loc 0 325 41                       ; examples/compute_market.contract:325:41
  2209  LOAD 10
    .loc 0 325 49                       ; examples/compute_market.contract:325:49
  2211  LOAD 3
    .loc 0 325 17                       ; examples/compute_market.contract:325:17
  2213  EMIT 7                          ; StakeReturned
    .loc 0 322 20                       ; examples/compute_market.contract:322:20
  2216  JUMP L2241
    .loc 0 327 17                       ; examples/compute_market.contract:327:17
L2219:
  2219  PUSH_CONST 46                   ; 0x05
    .loc 0 327 25                       ; examples/compute_market.contract:327:25
  2222  LOAD 2
    .loc 0 327 17                       ; examples/compute_market.contract:327:17
  2224  KEY
  2225  DUP
  2226  SLOAD 0                         ; int
    .loc 0 327 36                       ; examples/compute_market.contract:327:36
  2228  LOAD 3
    .loc 0 327 17                       ; examples/compute_market.contract:327:17
  2230  ADD
  2231  SSTORE
    .loc 0 328 37                       ; examples/compute_market.contract:328:37
  2232  LOAD 0                          ; job
    .loc 0 328 42                       ; examples/compute_market.contract:328:42
  2234  LOAD 10
    .loc 0 328 50                       ; examples/compute_market.contract:328:50
  2236  LOAD 3
    .loc 0 328 17                       ; examples/compute_market.contract:328:17
  2238  EMIT 6                          ; StakeForfeited
    .loc 0 313 9                        ; examples/compute_market.contract:313:9
L2241:
  2241  LOAD 8
  2243  PUSH_INT 1
  2245  ADD
  2246  STORE 8
  2248  JUMP L2039
    .loc 0 332 12                       ; examples/compute_market.contract:332:12
L2251:
  2251  LOAD 5
    .loc 0 332 9                        ; examples/compute_market.contract:332:9
  2253  JUMP_IF_FALSE L2279
    .loc 0 333 26                       ; examples/compute_market.contract:333:26
  2256  LOAD 0                          ; job
    .loc 0 333 31                       ; examples/compute_market.contract:333:31
  2258  LOAD 4
    .loc 0 333 39                       ; examples/compute_market.contract:333:39
  2260  PUSH_CONST 41                   ; 0x04
    .loc 0 333 48                       ; examples/compute_market.contract:333:48
  2263  LOAD 0                          ; job
    .loc 0 333 39                       ; examples/compute_market.contract:333:39
  2265  KEY
    .loc 0 333 53                       ; examples/compute_market.contract:333:53
  2266  LOAD 4
    .loc 0 333 39                       ; examples/compute_market.contract:333:39
  2268  KEY
  2269  SLOAD 0                         ; int
    .loc 0 333 62                       ; examples/compute_market.contract:333:62
  2271  LOAD 7
    .loc 0 333 13                       ; examples/compute_market.contract:333:13
  2273  EMIT 8                          ; JobPaid
    .loc 0 332 9                        ; examples/compute_market.contract:332:9
  2276  JUMP L2299
    .loc 0 335 28                       ; examples/compute_market.contract:335:28
L2279:
  2279  LOAD 0                          ; job
    .loc 0 335 33                       ; examples/compute_market.contract:335:33
  2281  PUSH_CONST 10                   ; 0x00
    .loc 0 335 38                       ; examples/compute_market.contract:335:38
  2284  LOAD 0                          ; job
    .loc 0 335 33                       ; examples/compute_market.contract:335:33
  2286  OVER
  2287  SLOAD 0                         ; int
  2289  CHECK_INDEX
  2290  KEY
  2291  PUSH_INT 1
  2293  KEY
  2294  SLOAD 0                         ; int
    .loc 0 335 13                       ; examples/compute_market.contract:335:13
  2296  EMIT 9                          ; JobFailed
    .loc 0 290 31                       ; examples/compute_market.contract:290:31
L2299:
  2299  RET

.function 11 withdraw() -> int locals 1 pub
    .loc 0 341 22                       ; examples/compute_market.contract:341:22
  2300  PUSH_CONST 46                   ; 0x05
    .loc 0 341 30                       ; examples/compute_market.contract:341:30
  2303  CALLER
    .loc 0 341 22                       ; examples/compute_market.contract:341:22
  2304  KEY
  2305  SLOAD 0                         ; int
    .loc 0 341 9                        ; examples/compute_market.contract:341:9
  2307  STORE 0
    .loc 0 342 17                       ; examples/compute_market.contract:342:17
  2309  LOAD 0
    .loc 0 342 26                       ; examples/compute_market.contract:342:26
  2311  PUSH_INT 0
    .loc 0 342 24                       ; examples/compute_market.contract:342:24
  2313  GT
    .loc 0 342 9                        ; examples/compute_market.contract:342:9
  2314  JUMP_IF_TRUE L2321
    .loc 0 342 29                       ; examples/compute_market.contract:342:29
  2317  PUSH_CONST 47                   ; "nothing to withdraw"
    .loc 0 342 9                        ; examples/compute_market.contract:342:9
  2320  REVERT
    .loc 0 343 9                        ; examples/compute_market.contract:343:9
L2321:
  2321  PUSH_CONST 46                   ; 0x05
    .loc 0 343 17                       ; examples/compute_market.contract:343:17
  2324  CALLER
    .loc 0 343 9                        ; examples/compute_market.contract:343:9
  2325  KEY
    .loc 0 343 31                       ; examples/compute_market.contract:343:31
  2326  PUSH_INT 0
    .loc 0 343 9                        ; examples/compute_market.contract:343:9
  2328  SSTORE
    .loc 0 344 18                       ; examples/compute_market.contract:344:18
  2329  CALLER
    .loc 0 344 30                       ; examples/compute_market.contract:344:30
  2330  LOAD 0
    .loc 0 344 9                        ; examples/compute_market.contract:344:9
  2332  TRANSFER
    .loc 0 345 24                       ; examples/compute_market.contract:345:24
  2333  CALLER
    .loc 0 345 36                       ; examples/compute_market.contract:345:36
  2334  LOAD 0
    .loc 0 345 9                        ; examples/compute_market.contract:345:9
  2336  EMIT 10                         ; Withdrawn
    .loc 0 346 16                       ; examples/compute_market.contract:346:16
  2339  LOAD 0
    .loc 0 346 9                        ; examples/compute_market.contract:346:9
  2341  RET

.function 12 job_count() -> int locals 0 pub view
    .loc 0 350 20                       ; examples/compute_market.contract:350:20
  2342  PUSH_CONST 10                   ; 0x00
    .loc 0 350 16                       ; examples/compute_market.contract:350:16
  2345  SLOAD 0                         ; int
    .loc 0 350 9                        ; examples/compute_market.contract:350:9
  2347  RET

.function 13 get_job(job: int) -> Job{client: address, payment: int, input_hash: bytes, seats: int, quorum: int, stake: int, commit_deadline: int, reveal_deadline: int, joined: int, committed: int, revealed: int, state: int, result_hash: bytes, runner: bytes, input_blob: bytes, client_key: bytes} locals 2 pub view
    .loc 0 354 21                       ; examples/compute_market.contract:354:21
  2348  LOAD 0                          ; job
    .loc 0 354 9                        ; examples/compute_market.contract:354:9
  2350  CALL 24                         ; require_job
    .loc 0 355 16                       ; examples/compute_market.contract:355:16
  2353  PUSH_CONST 10                   ; 0x00
    .loc 0 355 21                       ; examples/compute_market.contract:355:21
  2356  LOAD 0                          ; job
    .loc 0 355 16                       ; examples/compute_market.contract:355:16
  2358  OVER
  2359  SLOAD 0                         ; int
  2361  CHECK_INDEX
  2362  KEY
  2363  STORE 1
  2365  LOAD 1
  2367  PUSH_INT 0
  2369  KEY
  2370  SLOAD 2                         ; address
  2372  LOAD 1
  2374  PUSH_INT 1
  2376  KEY
  2377  SLOAD 0                         ; int
  2379  LOAD 1
  2381  PUSH_INT 2
  2383  KEY
  2384  SLOAD 3                         ; bytes
  2386  LOAD 1
  2388  PUSH_INT 3
  2390  KEY
  2391  SLOAD 0                         ; int
  2393  LOAD 1
  2395  PUSH_INT 4
  2397  KEY
  2398  SLOAD 0                         ; int
  2400  LOAD 1
  2402  PUSH_INT 5
  2404  KEY
  2405  SLOAD 0                         ; int
  2407  LOAD 1
  2409  PUSH_INT 6
  2411  KEY
  2412  SLOAD 0                         ; int
  2414  LOAD 1
  2416  PUSH_INT 7
  2418  KEY
  2419  SLOAD 0                         ; int
  2421  LOAD 1
  2423  PUSH_INT 8
  2425  KEY
  2426  SLOAD 0                         ; int
  2428  LOAD 1
  2430  PUSH_INT 9
  2432  KEY
  2433  SLOAD 0                         ; int
  2435  LOAD 1
  2437  PUSH_INT 10
  2439  KEY
  2440  SLOAD 0                         ; int
  2442  LOAD 1
  2444  PUSH_INT 11
  2446  KEY
  2447  SLOAD 0                         ; int
  2449  LOAD 1
  2451  PUSH_INT 12
  2453  KEY
  2454  SLOAD 3                         ; bytes
  2456  LOAD 1
  2458  PUSH_INT 13
  2460  KEY
  2461  SLOAD 3                         ; bytes
  2463  LOAD 1
  2465  PUSH_INT 14
  2467  KEY
  2468  SLOAD 3                         ; bytes
  2470  LOAD 1
  2472  PUSH_INT 15
  2474  KEY
  2475  SLOAD 3                         ; bytes
  2477  MAKE_STRUCT 16
    .loc 0 355 9                        ; examples/compute_market.contract:355:9
  2479  RET

.function 14 job_state(job: int) -> int locals 1 pub view
    .loc 0 359 21                       ; examples/compute_market.contract:359:21
  2480  LOAD 0                          ; job
    .loc 0 359 9                        ; examples/compute_market.contract:359:9
  2482  CALL 24                         ; require_job
    .loc 0 360 16                       ; examples/compute_market.contract:360:16
  2485  PUSH_CONST 10                   ; 0x00
    .loc 0 360 21                       ; examples/compute_market.contract:360:21
  2488  LOAD 0                          ; job
    .loc 0 360 16                       ; examples/compute_market.contract:360:16
  2490  OVER
  2491  SLOAD 0                         ; int
  2493  CHECK_INDEX
  2494  KEY
  2495  PUSH_INT 11
  2497  KEY
  2498  SLOAD 0                         ; int
    .loc 0 360 9                        ; examples/compute_market.contract:360:9
  2500  RET

.function 15 job_result(job: int) -> bytes locals 1 pub view
    .loc 0 364 21                       ; examples/compute_market.contract:364:21
  2501  LOAD 0                          ; job
    .loc 0 364 9                        ; examples/compute_market.contract:364:9
  2503  CALL 24                         ; require_job
    .loc 0 365 16                       ; examples/compute_market.contract:365:16
  2506  PUSH_CONST 10                   ; 0x00
    .loc 0 365 21                       ; examples/compute_market.contract:365:21
  2509  LOAD 0                          ; job
    .loc 0 365 16                       ; examples/compute_market.contract:365:16
  2511  OVER
  2512  SLOAD 0                         ; int
  2514  CHECK_INDEX
  2515  KEY
  2516  PUSH_INT 12
  2518  KEY
  2519  SLOAD 3                         ; bytes
    .loc 0 365 9                        ; examples/compute_market.contract:365:9
  2521  RET

.function 16 get_seat(job: int, index: int) -> Seat{worker: address, commitment: bytes, result_hash: bytes, enc_key: bytes, wrapped_key: bytes, result_blob: bytes} locals 3 pub view
    .loc 0 369 21                       ; examples/compute_market.contract:369:21
  2522  LOAD 0                          ; job
    .loc 0 369 9                        ; examples/compute_market.contract:369:9
  2524  CALL 24                         ; require_job
    .loc 0 370 17                       ; examples/compute_market.contract:370:17
  2527  LOAD 1                          ; index
    .loc 0 370 26                       ; examples/compute_market.contract:370:26
  2529  PUSH_INT 0
    .loc 0 370 23                       ; examples/compute_market.contract:370:23
  2531  GE
    .loc 0 370 28                       ; examples/compute_market.contract:370:28
  2532  DUP
  2533  JUMP_IF_FALSE L2555
  2536  POP
    .loc 0 370 31                       ; examples/compute_market.contract:370:31
  2537  LOAD 1                          ; index
    .loc 0 370 39                       ; examples/compute_market.contract:370:39
  2539  PUSH_CONST 10                   ; 0x00
    .loc 0 370 44                       ; examples/compute_market.contract:370:44
  2542  LOAD 0                          ; job
    .loc 0 370 39                       ; examples/compute_market.contract:370:39
  2544  OVER
  2545  SLOAD 0                         ; int
  2547  CHECK_INDEX
  2548  KEY
  2549  PUSH_INT 8
  2551  KEY
  2552  SLOAD 0                         ; int
    .loc 0 370 37                       ; examples/compute_market.contract:370:37
  2554  LT
    .loc 0 370 9                        ; examples/compute_market.contract:370:9
L2555:
  2555  JUMP_IF_TRUE L2562
    .loc 0 370 57                       ; examples/compute_market.contract:370:57
  2558  PUSH_CONST 29                   ; "no such seat"
    .loc 0 370 9                        ; examples/compute_market.contract:370:9
  2561  REVERT
    .loc 0 371 16                       ; examples/compute_market.contract:371:16
L2562:
  2562  PUSH_CONST 26                   ; 0x01
    .loc 0 371 27                       ; examples/compute_market.contract:371:27
  2565  LOAD 0                          ; job
    .loc 0 371 16                       ; examples/compute_market.contract:371:16
  2567  KEY
    .loc 0 371 32                       ; examples/compute_market.contract:371:32
  2568  LOAD 1                          ; index
    .loc 0 371 16                       ; examples/compute_market.contract:371:16
  2570  KEY
  2571  STORE 2
  2573  LOAD 2
  2575  PUSH_INT 0
  2577  KEY
  2578  SLOAD 2                         ; address
  2580  LOAD 2
  2582  PUSH_INT 1
  2584  KEY
  2585  SLOAD 3                         ; bytes
  2587  LOAD 2
  2589  PUSH_INT 2
  2591  KEY
  2592  SLOAD 3                         ; bytes
  2594  LOAD 2
  2596  PUSH_INT 3
  2598  KEY
  2599  SLOAD 3                         ; bytes
  2601  LOAD 2
  2603  PUSH_INT 4
  2605  KEY
  2606  SLOAD 3                         ; bytes
  2608  LOAD 2
  2610  PUSH_INT 5
  2612  KEY
  2613  SLOAD 3                         ; bytes
  2615  MAKE_STRUCT 6
    .loc 0 371 9                        ; examples/compute_market.contract:371:9
  2617  RET

.function 17 worker_count() -> int locals 0 pub view
    .loc 0 375 20                       ; examples/compute_market.contract:375:20
  2618  PUSH_CONST 16                   ; 0x08
    .loc 0 375 16                       ; examples/compute_market.contract:375:16
  2621  SLOAD 0                         ; int
    .loc 0 375 9                        ; examples/compute_market.contract:375:9
  2623  RET

.function 18 worker_at(index: int) -> address locals 1 pub view
    .loc 0 379 17                       ; examples/compute_market.contract:379:17
  2624  LOAD 0                          ; index
    .loc 0 379 26                       ; examples/compute_market.contract:379:26
  2626  PUSH_INT 0
    .loc 0 379 23                       ; examples/compute_market.contract:379:23
  2628  GE
    .loc 0 379 28                       ; examples/compute_market.contract:379:28
  2629  DUP
  2630  JUMP_IF_FALSE L2642
  2633  POP
    .loc 0 379 31                       ; examples/compute_market.contract:379:31
  2634  LOAD 0                          ; index
    .loc 0 379 43                       ; examples/compute_market.contract:379:43
  2636  PUSH_CONST 16                   ; 0x08
    .loc 0 379 39                       ; examples/compute_market.contract:379:39
  2639  SLOAD 0                         ; int
    .loc 0 379 37                       ; examples/compute_market.contract:379:37
  2641  LT
    .loc 0 379 9                        ; examples/compute_market.contract:379:9
L2642:
  2642  JUMP_IF_TRUE L2649
    .loc 0 379 57                       ; examples/compute_market.contract:379:57
  2645  PUSH_CONST 48                   ; "no such worker"
    .loc 0 379 9                        ; examples/compute_market.contract:379:9
  2648  REVERT
    .loc 0 380 16                       ; examples/compute_market.contract:380:16
L2649:
  2649  PUSH_CONST 16                   ; 0x08
    .loc 0 380 28                       ; examples/compute_market.contract:380:28
  2652  LOAD 0                          ; index
    .loc 0 380 16                       ; examples/compute_market.contract:380:16
  2654  OVER
  2655  SLOAD 0                         ; int
  2657  CHECK_INDEX
  2658  KEY
  2659  SLOAD 2                         ; address
    .loc 0 380 9                        ; examples/compute_market.contract:380:9
  2661  RET

.function 19 encryption_key(worker: address) -> bytes locals 1 pub view
    .loc 0 384 16                       ; examples/compute_market.contract:384:16
  2662  PUSH_CONST 13                   ; 0x06
    .loc 0 384 25                       ; examples/compute_market.contract:384:25
  2665  LOAD 0                          ; worker
    .loc 0 384 16                       ; examples/compute_market.contract:384:16
  2667  KEY
  2668  SLOAD 3                         ; bytes
    .loc 0 384 9                        ; examples/compute_market.contract:384:9
  2670  RET

.function 20 offer_of(worker: address, runner: bytes) -> Offer{min_payment: int, active: bool} locals 3 pub view
    .loc 0 388 16                       ; examples/compute_market.contract:388:16
  2671  PUSH_CONST 14                   ; 0x07
    .loc 0 388 23                       ; examples/compute_market.contract:388:23
  2674  LOAD 0                          ; worker
    .loc 0 388 16                       ; examples/compute_market.contract:388:16
  2676  KEY
    .loc 0 388 31                       ; examples/compute_market.contract:388:31
  2677  LOAD 1                          ; runner
    .loc 0 388 16                       ; examples/compute_market.contract:388:16
  2679  KEY
  2680  STORE 2
  2682  LOAD 2
  2684  PUSH_INT 0
  2686  KEY
  2687  SLOAD 0                         ; int
  2689  LOAD 2
  2691  PUSH_INT 1
  2693  KEY
  2694  SLOAD 1                         ; bool
  2696  MAKE_STRUCT 2
    .loc 0 388 9                        ; examples/compute_market.contract:388:9
  2698  RET

.function 21 credit_of(who: address) -> int locals 1 pub view
    .loc 0 392 16                       ; examples/compute_market.contract:392:16
  2699  PUSH_CONST 46                   ; 0x05
    .loc 0 392 24                       ; examples/compute_market.contract:392:24
  2702  LOAD 0                          ; who
    .loc 0 392 16                       ; examples/compute_market.contract:392:16
  2704  KEY
  2705  SLOAD 0                         ; int
    .loc 0 392 9                        ; examples/compute_market.contract:392:9
  2707  RET

.function 22 is_reveal_open(job: int) -> bool locals 1 pub view
    .loc 0 396 21                       ; examples/compute_market.contract:396:21
  2708  LOAD 0                          ; job
    .loc 0 396 9                        ; examples/compute_market.contract:396:9
  2710  CALL 24                         ; require_job
    .loc 0 397 28                       ; examples/compute_market.contract:397:28
  2713  LOAD 0                          ; job
    .loc 0 397 16                       ; examples/compute_market.contract:397:16
  2715  CALL 26                         ; reveal_open
    .loc 0 397 9                        ; examples/compute_market.contract:397:9
  2718  RET

.function 23 commitment_for(result_hash: bytes, salt: bytes) -> bytes locals 2 pub view
    .loc 0 404 28                       ; examples/compute_market.contract:404:28
  2719  LOAD 0                          ; result_hash
    .loc 0 404 41                       ; examples/compute_market.contract:404:41
  2721  LOAD 1                          ; salt
    .loc 0 404 16                       ; examples/compute_market.contract:404:16
  2723  CALL 29                         ; commit.seal
    .loc 0 404 9                        ; examples/compute_market.contract:404:9
  2726  RET

.function 24 require_job(job: int) locals 1
    .loc 0 408 17                       ; examples/compute_market.contract:408:17
  2727  LOAD 0                          ; job
    .loc 0 408 24                       ; examples/compute_market.contract:408:24
  2729  PUSH_INT 0
    .loc 0 408 21                       ; examples/compute_market.contract:408:21
  2731  GE
    .loc 0 408 26                       ; examples/compute_market.contract:408:26
  2732  DUP
  2733  JUMP_IF_FALSE L2745
  2736  POP
    .loc 0 408 29                       ; examples/compute_market.contract:408:29
  2737  LOAD 0                          ; job
    .loc 0 408 39                       ; examples/compute_market.contract:408:39
  2739  PUSH_CONST 10                   ; 0x00
    .loc 0 408 35                       ; examples/compute_market.contract:408:35
  2742  SLOAD 0                         ; int
    .loc 0 408 33                       ; examples/compute_market.contract:408:33
  2744  LT
    .loc 0 408 9                        ; examples/compute_market.contract:408:9
L2745:
  2745  JUMP_IF_TRUE L2752
    .loc 0 408 46                       ; examples/compute_market.contract:408:46
  2748  PUSH_CONST 49                   ; "no such job"
    .loc 0 408 9                        ; examples/compute_market.contract:408:9
  2751  REVERT
    .loc 0 407 30                       ; examples/compute_market.contract:407:30
L2752:
  2752  RET

.function 25 seat_index(job: int, worker: address) -> int locals 3
    .loc 0 413 21                       ; examples/compute_market.contract:413:21
  2753  PUSH_CONST 21                   ; 0x02
    .loc 0 413 29                       ; examples/compute_market.contract:413:29
  2756  LOAD 0                          ; job
    .loc 0 413 21                       ; examples/compute_market.contract:413:21
  2758  KEY
    .loc 0 413 34                       ; examples/compute_market.contract:413:34
  2759  LOAD 1                          ; worker
    .loc 0 413 21                       ; examples/compute_market.contract:413:21
  2761  KEY
  2762  SLOAD 0                         ; int
    .loc 0 413 9                        ; examples/compute_market.contract:413:9
  2764  STORE 2
    .loc 0 414 17                       ; examples/compute_market.contract:414:17
  2766  LOAD 2
    .loc 0 414 25                       ; examples/compute_market.contract:414:25
  2768  PUSH_INT 0
    .loc 0 414 23                       ; examples/compute_market.contract:414:23
  2770  GT
    .loc 0 414 9                        ; examples/compute_market.contract:414:9
  2771  JUMP_IF_TRUE L2778
    .loc 0 414 28                       ; examples/compute_market.contract:414:28
  2774  PUSH_CONST 50                   ; "not a worker on this job"
    .loc 0 414 9                        ; examples/compute_market.contract:414:9
  2777  REVERT
    .loc 0 415 16                       ; examples/compute_market.contract:415:16
L2778:
  2778  LOAD 2
    .loc 0 415 24                       ; examples/compute_market.contract:415:24
  2780  PUSH_INT 1
    .loc 0 415 22                       ; examples/compute_market.contract:415:22
  2782  SUB
    .loc 0 415 9                        ; examples/compute_market.contract:415:9
  2783  RET

.function 26 reveal_open(job: int) -> bool locals 1
    .loc 0 421 16                       ; examples/compute_market.contract:421:16
  2784  BLOCK_NUMBER
    .loc 0 421 31                       ; examples/compute_market.contract:421:31
  2785  PUSH_CONST 10                   ; 0x00
    .loc 0 421 36                       ; examples/compute_market.contract:421:36
  2788  LOAD 0                          ; job
    .loc 0 421 31                       ; examples/compute_market.contract:421:31
  2790  OVER
  2791  SLOAD 0                         ; int
  2793  CHECK_INDEX
  2794  KEY
  2795  PUSH_INT 6
  2797  KEY
  2798  SLOAD 0                         ; int
    .loc 0 421 29                       ; examples/compute_market.contract:421:29
  2800  GT
    .loc 0 422 13                       ; examples/compute_market.contract:422:13
  2801  DUP
  2802  JUMP_IF_TRUE L2837
  2805  POP
    .loc 0 422 16                       ; examples/compute_market.contract:422:16
  2806  PUSH_CONST 10                   ; 0x00
    .loc 0 422 21                       ; examples/compute_market.contract:422:21
  2809  LOAD 0                          ; job
    .loc 0 422 16                       ; examples/compute_market.contract:422:16
  2811  OVER
  2812  SLOAD 0                         ; int
  2814  CHECK_INDEX
  2815  KEY
  2816  PUSH_INT 9
  2818  KEY
  2819  SLOAD 0                         ; int
    .loc 0 422 39                       ; examples/compute_market.contract:422:39
  2821  PUSH_CONST 10                   ; 0x00
    .loc 0 422 44                       ; examples/compute_market.contract:422:44
  2824  LOAD 0                          ; job
    .loc 0 422 39                       ; examples/compute_market.contract:422:39
  2826  OVER
  2827  SLOAD 0                         ; int
  2829  CHECK_INDEX
  2830  KEY
  2831  PUSH_INT 3
  2833  KEY
  2834  SLOAD 0                         ; int
    .loc 0 422 36                       ; examples/compute_market.contract:422:36
  2836  EQ
    .loc 0 421 9                        ; examples/compute_market.contract:421:9
L2837:
  2837  RET

.function 27 commit.is_hash(b: bytes) -> bool locals 1
    .loc 1 28 16                        ; stdlib/commit.contract:28:16
  2838  LOAD 0                          ; b
    .loc 1 28 12                        ; stdlib/commit.contract:28:12
  2840  LEN
    .loc 1 28 22                        ; stdlib/commit.contract:28:22
  2841  PUSH_INT 32
    .loc 1 28 19                        ; stdlib/commit.contract:28:19
  2843  EQ
    .loc 1 28 5                         ; stdlib/commit.contract:28:5
  2844  RET

.function 28 commit.opens(sealed: bytes, value: bytes, salt: bytes) -> bool locals 3
    .loc 1 21 12                        ; stdlib/commit.contract:21:12
  2845  LOAD 1                          ; value
    .loc 1 21 8                         ; stdlib/commit.contract:21:8
  2847  LEN
    .loc 1 21 22                        ; stdlib/commit.contract:21:22
  2848  PUSH_INT 32
    .loc 1 21 19                        ; stdlib/commit.contract:21:19
  2850  NE
    .loc 1 21 25                        ; stdlib/commit.contract:21:25
  2851  DUP
  2852  JUMP_IF_TRUE L2862
  2855  POP
    .loc 1 21 32                        ; stdlib/commit.contract:21:32
  2856  LOAD 2                          ; salt
    .loc 1 21 28                        ; stdlib/commit.contract:21:28
  2858  LEN
    .loc 1 21 40                        ; stdlib/commit.contract:21:40
  2859  PUSH_INT 16
    .loc 1 21 38                        ; stdlib/commit.contract:21:38
  2861  LT
    .loc 1 21 5                         ; stdlib/commit.contract:21:5
L2862:
  2862  JUMP_IF_FALSE L2867
    .loc 1 22 16                        ; stdlib/commit.contract:22:16
  2865  PUSH_FALSE
    .loc 1 22 9                         ; stdlib/commit.contract:22:9
  2866  RET
    .loc 1 24 19                        ; stdlib/commit.contract:24:19
L2867:
  2867  LOAD 1                          ; value
    .loc 1 24 27                        ; stdlib/commit.contract:24:27
  2869  LOAD 2                          ; salt
    .loc 1 24 25                        ; stdlib/commit.contract:24:25
  2871  CONCAT
    .loc 1 24 12                        ; stdlib/commit.contract:24:12
  2872  SHA256
    .loc 1 24 36                        ; stdlib/commit.contract:24:36
  2873  LOAD 0                          ; sealed
    .loc 1 24 33                        ; stdlib/commit.contract:24:33
  2875  EQ
    .loc 1 24 5                         ; stdlib/commit.contract:24:5
  2876  RET

.function 29 commit.seal(value: bytes, salt: bytes) -> bytes locals 2
    .loc 1 17 19                        ; stdlib/commit.contract:17:19
  2877  LOAD 0                          ; value
    .loc 1 17 27                        ; stdlib/commit.contract:17:27
  2879  LOAD 1                          ; salt
    .loc 1 17 25                        ; stdlib/commit.contract:17:25
  2881  CONCAT
    .loc 1 17 12                        ; stdlib/commit.contract:17:12
  2882  SHA256
    .loc 1 17 5                         ; stdlib/commit.contract:17:5
  2883  RET
