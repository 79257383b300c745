; Obelisk code object, format version 1
.contract Ballot
.file 0 "examples/ballot.contract"
.file 1 "stdlib/ownable.contract"
.event 0 ProposalAdded(index: int, name: string)
.event 1 RightGiven(voter: address)
.event 2 VotingOpened(proposals: int)
.event 3 Voted(voter: address, proposal: int, weight: int)
.event 4 Delegated(voter: address, delegate: address)
.event 5 VotingClosed(winner: int, votes: int)
.const 0 bytes 0x00
.const 1 bytes 0x01
.const 2 bytes 0x03
.const 3 string "proposals are fixed once voting opens"
.const 4 bytes 0x02
.const 5 string "too many proposals"
.const 6 string "empty proposal name"
.const 7 string "voting is closed"
.const 8 string "the voter already voted"
.const 9 string "the voter already has the right"
.const 10 string "voting already opened"
.const 11 string "no proposals"
.const 12 string "voting is not open"
.const 13 string "already voted"
.const 14 string "no right to vote"
.const 15 string "self-delegation is not allowed"
.const 16 string "found loop in delegation"
.const 17 string "delegation chain too long"
.const 18 string "delegate has no right to vote"
.const 19 string "no such proposal"
.const 20 string "caller is not the owner"

.function 0 init() locals 0 init
    .loc 0 47 9                         ; examples/ballot.contract:47:9
     0  PUSH_CONST 0                    ; 0x00
    .loc 0 47 23                        ; examples/ballot.contract:47:23
     3  CALLER
    .loc 0 47 9                         ; examples/ballot.contract:47:9
     4  SSTORE
    .loc 0 48 9                         ; examples/ballot.contract:48:9
     5  PUSH_CONST 1                    ; 0x01
    .loc 0 48 17                        ; examples/ballot.contract:48:17
     8  PUSH_INT 0
    .loc 0 48 9                         ; examples/ballot.contract:48:9
    10  SSTORE
    .loc 0 49 9                         ; examples/ballot.contract:49:9
    11  PUSH_CONST 2                    ; 0x03
    .loc 0 49 16                        ; examples/ballot.contract:49:16
    14  CALLER
    .loc 0 49 9                         ; examples/ballot.contract:49:9
    15  KEY
    16  PUSH_INT 0
    18  KEY
    .loc 0 49 37                        ; examples/ballot.contract:49:37
    19  PUSH_INT 1
    .loc 0 49 9                         ; examples/ballot.contract:49:9
    21  SSTORE
    .loc 0 46 12                        ; examples/ballot.contract:46:12
    22  RET

.function 1 add_proposal(name: string) -> int locals 5 pub
    .loc 0 53 31                        ; examples/ballot.contract:53:31
    23  PUSH_CONST 0                    ; 0x00
    26  SLOAD 2                         ; address
    .loc 0 53 44                        ; examples/ballot.contract:53:44
    28  CALLER
    .loc 0 53 9                         ; examples/ballot.contract:53:9
    29  CALL 13                         ; ownable.require_owner
    .loc 0 54 17                        ; examples/ballot.contract:54:17
    32  PUSH_CONST 1                    ; 0x01
    35  SLOAD 0                         ; int
    .loc 0 54 26                        ; examples/ballot.contract:54:26
    37  PUSH_INT 0
    .loc 0 54 23                        ; examples/ballot.contract:54:23
    39  EQ
    .loc 0 54 9                         ; examples/ballot.contract:54:9
    40  JUMP_IF_TRUE L47
    .loc 0 54 33                        ; examples/ballot.contract:54:33
    43  PUSH_CONST 3                    ; "proposals are fixed once voting opens"
    .loc 0 54 9                         ; examples/ballot.contract:54:9
    46  REVERT
    .loc 0 55 21                        ; examples/ballot.contract:55:21
L47:
    47  PUSH_CONST 4                    ; 0x02
    .loc 0 55 17                        ; examples/ballot.contract:55:17
    50  SLOAD 0                         ; int
    .loc 0 55 34                        ; examples/ballot.contract:55:34
    52  PUSH_INT 32
    .loc 0 55 32                        ; examples/ballot.contract:55:32
    54  LT
    .loc 0 55 9                         ; examples/ballot.contract:55:9
    55  JUMP_IF_TRUE L62
    .loc 0 55 49                        ; examples/ballot.contract:55:49
    58  PUSH_CONST 5                    ; "too many proposals"
    .loc 0 55 9                         ; examples/ballot.contract:55:9
    61  REVERT
    .loc 0 56 21                        ; examples/ballot.contract:56:21
L62:
    62  LOAD 0                          ; name
    .loc 0 56 17                        ; examples/ballot.contract:56:17
    64  LEN
    .loc 0 56 29                        ; examples/ballot.contract:56:29
    65  PUSH_INT 0
    .loc 0 56 27                        ; examples/ballot.contract:56:27
    67  GT
    .loc 0 56 9                         ; examples/ballot.contract:56:9
    68  JUMP_IF_TRUE L75
    .loc 0 56 32                        ; examples/ballot.contract:56:32
    71  PUSH_CONST 6                    ; "empty proposal name"
    .loc 0 56 9                         ; examples/ballot.contract:56:9
    74  REVERT
    .loc 0 57 9                         ; examples/ballot.contract:57:9
L75:
    75  PUSH_CONST 4                    ; 0x02
    78  STORE 1
    80  LOAD 1
    82  SLOAD 0                         ; int
    84  STORE 2
    86  LOAD 1
    88  LOAD 2
    90  KEY
    .loc 0 57 39                        ; examples/ballot.contract:57:39
    91  LOAD 0                          ; name
    .loc 0 57 52                        ; examples/ballot.contract:57:52
    93  PUSH_INT 0
    .loc 0 57 24                        ; examples/ballot.contract:57:24
    95  MAKE_STRUCT 2
    .loc 0 57 9                         ; examples/ballot.contract:57:9
    97  STORE 3
    99  STORE 4
   101  LOAD 4
   103  PUSH_INT 0
   105  KEY
   106  LOAD 3
   108  GET_FIELD 0
   110  SSTORE
   111  LOAD 4
   113  PUSH_INT 1
   115  KEY
   116  LOAD 3
   118  GET_FIELD 1
   120  SSTORE
   121  LOAD 1
   123  LOAD 2
   125  PUSH_INT 1
   127  ADD
   128  SSTORE
    .loc 0 58 32                        ; examples/ballot.contract:58:32
   129  PUSH_CONST 4                    ; 0x02
    .loc 0 58 28                        ; examples/ballot.contract:58:28
   132  SLOAD 0                         ; int
    .loc 0 58 45                        ; examples/ballot.contract:58:45
   134  PUSH_INT 1
    .loc 0 58 43                        ; examples/ballot.contract:58:43
   136  SUB
    .loc 0 58 48                        ; examples/ballot.contract:58:48
   137  LOAD 0                          ; name
    .loc 0 58 9                         ; examples/ballot.contract:58:9
   139  EMIT 0                          ; ProposalAdded
    .loc 0 59 20                        ; examples/ballot.contract:59:20
   142  PUSH_CONST 4                    ; 0x02
    .loc 0 59 16                        ; examples/ballot.contract:59:16
   145  SLOAD 0                         ; int
    .loc 0 59 33                        ; examples/ballot.contract:59:33
   147  PUSH_INT 1
    .loc 0 59 31                        ; examples/ballot.contract:59:31
   149  SUB
    .loc 0 59 9                         ; examples/ballot.contract:59:9
   150  RET

.function 2 give_right_to_vote(voter: address) locals 1 pub
    .loc 0 64 31                        ; examples/ballot.contract:64:31
   151  PUSH_CONST 0                    ; 0x00
   154  SLOAD 2                         ; address
    .loc 0 64 44                        ; examples/ballot.contract:64:44
   156  CALLER
    .loc 0 64 9                         ; examples/ballot.contract:64:9
   157  CALL 13                         ; ownable.require_owner
    .loc 0 65 17                        ; examples/ballot.contract:65:17
   160  PUSH_CONST 1                    ; 0x01
   163  SLOAD 0                         ; int
    .loc 0 65 26                        ; examples/ballot.contract:65:26
   165  PUSH_INT 2
    .loc 0 65 23                        ; examples/ballot.contract:65:23
   167  NE
    .loc 0 65 9                         ; examples/ballot.contract:65:9
   168  JUMP_IF_TRUE L175
    .loc 0 65 34                        ; examples/ballot.contract:65:34
   171  PUSH_CONST 7                    ; "voting is closed"
    .loc 0 65 9                         ; examples/ballot.contract:65:9
   174  REVERT
    .loc 0 66 18                        ; examples/ballot.contract:66:18
L175:
   175  PUSH_CONST 2                    ; 0x03
    .loc 0 66 25                        ; examples/ballot.contract:66:25
   178  LOAD 0                          ; voter
    .loc 0 66 18                        ; examples/ballot.contract:66:18
   180  KEY
   181  PUSH_INT 1
   183  KEY
   184  SLOAD 1                         ; bool
    .loc 0 66 17                        ; examples/ballot.contract:66:17
   186  NOT
    .loc 0 66 9                         ; examples/ballot.contract:66:9
   187  JUMP_IF_TRUE L194
    .loc 0 66 39                        ; examples/ballot.contract:66:39
   190  PUSH_CONST 8                    ; "the voter already voted"
    .loc 0 66 9                         ; examples/ballot.contract:66:9
   193  REVERT
    .loc 0 67 17                        ; examples/ballot.contract:67:17
L194:
   194  PUSH_CONST 2                    ; 0x03
    .loc 0 67 24                        ; examples/ballot.contract:67:24
   197  LOAD 0                          ; voter
    .loc 0 67 17                        ; examples/ballot.contract:67:17
   199  KEY
   200  PUSH_INT 0
   202  KEY
   203  SLOAD 0                         ; int
    .loc 0 67 41                        ; examples/ballot.contract:67:41
   205  PUSH_INT 0
    .loc 0 67 38                        ; examples/ballot.contract:67:38
   207  EQ
    .loc 0 67 9                         ; examples/ballot.contract:67:9
   208  JUMP_IF_TRUE L215
    .loc 0 67 44                        ; examples/ballot.contract:67:44
   211  PUSH_CONST 9                    ; "the voter already has the right"
    .loc 0 67 9                         ; examples/ballot.contract:67:9
   214  REVERT
    .loc 0 68 9                         ; examples/ballot.contract:68:9
L215:
   215  PUSH_CONST 2                    ; 0x03
    .loc 0 68 16                        ; examples/ballot.contract:68:16
   218  LOAD 0                          ; voter
    .loc 0 68 9                         ; examples/ballot.contract:68:9
   220  KEY
   221  PUSH_INT 0
   223  KEY
    .loc 0 68 32                        ; examples/ballot.contract:68:32
   224  PUSH_INT 1
    .loc 0 68 9                         ; examples/ballot.contract:68:9
   226  SSTORE
    .loc 0 69 25                        ; examples/ballot.contract:69:25
   227  LOAD 0                          ; voter
    .loc 0 69 9                         ; examples/ballot.contract:69:9
   229  EMIT 1                          ; RightGiven
    .loc 0 63 47                        ; examples/ballot.contract:63:47
   232  RET

.function 3 open() locals 0 pub
    .loc 0 73 31                        ; examples/ballot.contract:73:31
   233  PUSH_CONST 0                    ; 0x00
   236  SLOAD 2                         ; address
    .loc 0 73 44                        ; examples/ballot.contract:73:44
   238  CALLER
    .loc 0 73 9                         ; examples/ballot.contract:73:9
   239  CALL 13                         ; ownable.require_owner
    .loc 0 74 17                        ; examples/ballot.contract:74:17
   242  PUSH_CONST 1                    ; 0x01
   245  SLOAD 0                         ; int
    .loc 0 74 26                        ; examples/ballot.contract:74:26
   247  PUSH_INT 0
    .loc 0 74 23                        ; examples/ballot.contract:74:23
   249  EQ
    .loc 0 74 9                         ; examples/ballot.contract:74:9
   250  JUMP_IF_TRUE L257
    .loc 0 74 33                        ; examples/ballot.contract:74:33
   253  PUSH_CONST 10                   ; "voting already opened"
    .loc 0 74 9                         ; examples/ballot.contract:74:9
   256  REVERT
    .loc 0 75 21                        ; examples/ballot.contract:75:21
L257:
   257  PUSH_CONST 4                    ; 0x02
    .loc 0 75 17                        ; examples/ballot.contract:75:17
   260  SLOAD 0                         ; int
    .loc 0 75 34                        ; examples/ballot.contract:75:34
   262  PUSH_INT 0
    .loc 0 75 32                        ; examples/ballot.contract:75:32
   264  GT
    .loc 0 75 9                         ; examples/ballot.contract:75:9
   265  JUMP_IF_TRUE L272
    .loc 0 75 37                        ; examples/ballot.contract:75:37
   268  PUSH_CONST 11                   ; "no proposals"
    .loc 0 75 9                         ; examples/ballot.contract:75:9
   271  REVERT
    .loc 0 76 9                         ; examples/ballot.contract:76:9
L272:
   272  PUSH_CONST 1                    ; 0x01
    .loc 0 76 17                        ; examples/ballot.contract:76:17
   275  PUSH_INT 1
    .loc 0 76 9                         ; examples/ballot.contract:76:9
   277  SSTORE
    .loc 0 77 31                        ; examples/ballot.contract:77:31
   278  PUSH_CONST 4                    ; 0x02
    .loc 0 77 27                        ; examples/ballot.contract:77:27
   281  SLOAD 0                         ; int
    .loc 0 77 9                         ; examples/ballot.contract:77:9
   283  EMIT 2                          ; VotingOpened
    .loc 0 72 19                        ; examples/ballot.contract:72:19
   286  RET

.function 4 delegate(to: address) locals 3 pub
    .loc 0 82 17                        ; examples/ballot.contract:82:17
   287  PUSH_CONST 1                    ; 0x01
   290  SLOAD 0                         ; int
    .loc 0 82 26                        ; examples/ballot.contract:82:26
   292  PUSH_INT 1
    .loc 0 82 23                        ; examples/ballot.contract:82:23
   294  EQ
    .loc 0 82 9                         ; examples/ballot.contract:82:9
   295  JUMP_IF_TRUE L302
    .loc 0 82 34                        ; examples/ballot.contract:82:34
   298  PUSH_CONST 12                   ; "voting is not open"
    .loc 0 82 9                         ; examples/ballot.contract:82:9
   301  REVERT
    .loc 0 84 18                        ; examples/ballot.contract:84:18
L302:
   302  PUSH_CONST 2                    ; 0x03
    .loc 0 84 25                        ; examples/ballot.contract:84:25
   305  CALLER
    .loc 0 84 18                        ; examples/ballot.contract:84:18
   306  KEY
   307  PUSH_INT 1
   309  KEY
   310  SLOAD 1                         ; bool
    .loc 0 84 17                        ; examples/ballot.contract:84:17
   312  NOT
    .loc 0 84 9                         ; examples/ballot.contract:84:9
   313  JUMP_IF_TRUE L320
    .loc 0 84 44                        ; examples/ballot.contract:84:44
   316  PUSH_CONST 13                   ; "already voted"
    .loc 0 84 9                         ; examples/ballot.contract:84:9
   319  REVERT
    .loc 0 85 17                        ; examples/ballot.contract:85:17
L320:
   320  PUSH_CONST 2                    ; 0x03
    .loc 0 85 24                        ; examples/ballot.contract:85:24
   323  CALLER
    .loc 0 85 17                        ; examples/ballot.contract:85:17
   324  KEY
   325  PUSH_INT 0
   327  KEY
   328  SLOAD 0                         ; int
    .loc 0 85 45                        ; examples/ballot.contract:85:45
   330  PUSH_INT 0
    .loc 0 85 43                        ; examples/ballot.contract:85:43
   332  GT
    .loc 0 85 9                         ; examples/ballot.contract:85:9
   333  JUMP_IF_TRUE L340
    .loc 0 85 48                        ; examples/ballot.contract:85:48
   336  PUSH_CONST 14                   ; "no right to vote"
    .loc 0 85 9                         ; examples/ballot.contract:85:9
   339  REVERT
    .loc 0 86 17                        ; examples/ballot.contract:86:17
L340:
   340  LOAD 0                          ; to
    .loc 0 86 23                        ; examples/ballot.contract:86:23
   342  CALLER
    .loc 0 86 20                        ; examples/ballot.contract:86:20
   343  NE
    .loc 0 86 9                         ; examples/ballot.contract:86:9
   344  JUMP_IF_TRUE L351
    .loc 0 86 35                        ; examples/ballot.contract:86:35
   347  PUSH_CONST 15                   ; "self-delegation is not allowed"
    .loc 0 86 9                         ; examples/ballot.contract:86:9
   350  REVERT
    .loc 0 88 21                        ; examples/ballot.contract:88:21
L351:
   351  PUSH_INT 0
    .loc 0 88 9                         ; examples/ballot.contract:88:9
   353  STORE 1
    .loc 0 89 15                        ; examples/ballot.contract:89:15
L355:
   355  PUSH_CONST 2                    ; 0x03
    .loc 0 89 22                        ; examples/ballot.contract:89:22
   358  LOAD 0                          ; to
    .loc 0 89 15                        ; examples/ballot.contract:89:15
   360  KEY
   361  PUSH_INT 2
   363  KEY
   364  SLOAD 2                         ; address
    .loc 0 89 38                        ; examples/ballot.contract:89:38
   366  PUSH_INT 0
   368  TO_ADDR
    .loc 0 89 35                        ; examples/ballot.contract:89:35
   369  NE
    .loc 0 89 9                         ; examples/ballot.contract:89:9
   370  JUMP_IF_FALSE L419
    .loc 0 90 18                        ; examples/ballot.contract:90:18
   373  PUSH_CONST 2                    ; 0x03
    .loc 0 90 25                        ; examples/ballot.contract:90:25
   376  LOAD 0                          ; to
    .loc 0 90 18                        ; examples/ballot.contract:90:18
   378  KEY
   379  PUSH_INT 2
   381  KEY
   382  SLOAD 2                         ; address
    .loc 0 90 13                        ; examples/ballot.contract:90:13
   384  STORE 0                         ; to
    .loc 0 91 21                        ; examples/ballot.contract:91:21
   386  LOAD 0                          ; to
    .loc 0 91 27                        ; examples/ballot.contract:91:27
   388  CALLER
    .loc 0 91 24                        ; examples/ballot.contract:91:24
   389  NE
    .loc 0 91 13                        ; examples/ballot.contract:91:13
   390  JUMP_IF_TRUE L397
    .loc 0 91 39                        ; examples/ballot.contract:91:39
   393  PUSH_CONST 16                   ; "found loop in delegation"
    .loc 0 91 13                        ; examples/ballot.contract:91:13
   396  REVERT
    .loc 0 92 13                        ; examples/ballot.contract:92:13
L397:
   397  LOAD 1
    .loc 0 92 22                        ; examples/ballot.contract:92:22
   399  PUSH_INT 1
    .loc 0 92 13                        ; examples/ballot.contract:92:13
   401  ADD
   402  STORE 1
    .loc 0 93 21                        ; examples/ballot.contract:93:21
   404  LOAD 1
    .loc 0 93 30                        ; examples/ballot.contract:93:30
   406  PUSH_INT 32
    .loc 0 93 27                        ; examples/ballot.contract:93:27
   408  LE
    .loc 0 93 13                        ; examples/ballot.contract:93:13
   409  JUMP_IF_TRUE L416
    .loc 0 93 41                        ; examples/ballot.contract:93:41
   412  PUSH_CONST 17                   ; "delegation chain too long"
    .loc 0 93 13                        ; examples/ballot.contract:93:13
   415  REVERT
    .loc 0 89 9                         ; examples/ballot.contract:89:9
L416:
   416  JUMP L355
    .loc 0 95 17                        ; examples/ballot.contract:95:17
L419:
   419  PUSH_CONST 2                    ; 0x03
    .loc 0 95 24                        ; examples/ballot.contract:95:24
   422  LOAD 0                          ; to
    .loc 0 95 17                        ; examples/ballot.contract:95:17
   424  KEY
   425  PUSH_INT 0
   427  KEY
   428  SLOAD 0                         ; int
    .loc 0 95 37                        ; examples/ballot.contract:95:37
   430  PUSH_INT 0
    .loc 0 95 35                        ; examples/ballot.contract:95:35
   432  GT
    .loc 0 95 39                        ; examples/ballot.contract:95:39
   433  DUP
   434  JUMP_IF_TRUE L449
   437  POP
    .loc 0 95 42                        ; examples/ballot.contract:95:42
   438  PUSH_CONST 2                    ; 0x03
    .loc 0 95 49                        ; examples/ballot.contract:95:49
   441  LOAD 0                          ; to
    .loc 0 95 42                        ; examples/ballot.contract:95:42
   443  KEY
   444  PUSH_INT 1
   446  KEY
   447  SLOAD 1                         ; bool
    .loc 0 95 9                         ; examples/ballot.contract:95:9
L449:
   449  JUMP_IF_TRUE L456
    .loc 0 95 60                        ; examples/ballot.contract:95:60
   452  PUSH_CONST 18                   ; "delegate has no right to vote"
    .loc 0 95 9                         ; examples/ballot.contract:95:9
   455  REVERT
    .loc 0 97 22                        ; examples/ballot.contract:97:22
L456:
   456  PUSH_CONST 2                    ; 0x03
    .loc 0 97 29                        ; examples/ballot.contract:97:29
   459  CALLER
    .loc 0 97 22                        ; examples/ballot.contract:97:22
   460  KEY
   461  PUSH_INT 0
   463  KEY
   464  SLOAD 0                         ; int
    .loc 0 97 9                         ; examples/ballot.contract:97:9
   466  STORE 2
    .loc 0 98 9                         ; examples/ballot.contract:98:9
   468  PUSH_CONST 2                    ; 0x03
    .loc 0 98 16                        ; examples/ballot.contract:98:16
   471  CALLER
    .loc 0 98 9                         ; examples/ballot.contract:98:9
   472  KEY
   473  PUSH_INT 1
   475  KEY
    .loc 0 98 36                        ; examples/ballot.contract:98:36
   476  PUSH_TRUE
    .loc 0 98 9                         ; examples/ballot.contract:98:9
   477  SSTORE
    .loc 0 99 9                         ; examples/ballot.contract:99:9
   478  PUSH_CONST 2                    ; 0x03
    .loc 0 99 16                        ; examples/ballot.contract:99:16
   481  CALLER
    .loc 0 99 9                         ; examples/ballot.contract:99:9
   482  KEY
   483  PUSH_INT 2
   485  KEY
    .loc 0 99 39                        ; examples/ballot.contract:99:39
   486  LOAD 0                          ; to
    .loc 0 99 9                         ; examples/ballot.contract:99:9
   488  SSTORE
    .loc 0 100 9                        ; examples/ballot.contract:100:9
   489  PUSH_CONST 2                    ; 0x03
    .loc 0 100 16                       ; examples/ballot.contract:100:16
   492  CALLER
    .loc 0 100 9                        ; examples/ballot.contract:100:9
   493  KEY
   494  PUSH_INT 0
   496  KEY
    .loc 0 100 37                       ; examples/ballot.contract:100:37
   497  PUSH_INT 0
    .loc 0 100 9                        ; examples/ballot.contract:100:9
   499  SSTORE
    .loc 0 101 12                       ; examples/ballot.contract:101:12
   500  PUSH_CONST 2                    ; 0x03
    .loc 0 101 19                       ; examples/ballot.contract:101:19
   503  LOAD 0                          ; to
    .loc 0 101 12                       ; examples/ballot.contract:101:12
   505  KEY
   506  PUSH_INT 1
   508  KEY
   509  SLOAD 1                         ; bool
    .loc 0 101 9                        ; examples/ballot.contract:101:9
   511  JUMP_IF_FALSE L546
    .loc 0 103 13                       ; examples/ballot.contract:103:13
   514  PUSH_CONST 4                    ; 0x02
    .loc 0 103 23                       ; examples/ballot.contract:103:23
   517  PUSH_CONST 2                    ; 0x03
    .loc 0 103 30                       ; examples/ballot.contract:103:30
   520  LOAD 0                          ; to
    .loc 0 103 23                       ; examples/ballot.contract:103:23
   522  KEY
   523  PUSH_INT 3
   525  KEY
   526  SLOAD 0                         ; int
    .loc 0 103 13                       ; examples/ballot.contract:103:13
   528  OVER
   529  SLOAD 0                         ; int
   531  CHECK_INDEX
   532  KEY
   533  PUSH_INT 1
   535  KEY
   536  DUP
   537  SLOAD 0                         ; int
    .loc 0 103 49                       ; examples/ballot.contract:103:49
   539  LOAD 2
    .loc 0 103 13                       ; examples/ballot.contract:103:13
   541  ADD
   542  SSTORE
    .loc 0 101 9                        ; examples/ballot.contract:101:9
   543  JUMP L562
    .loc 0 105 13                       ; examples/ballot.contract:105:13
L546:
   546  PUSH_CONST 2                    ; 0x03
    .loc 0 105 20                       ; examples/ballot.contract:105:20
   549  LOAD 0                          ; to
    .loc 0 105 13                       ; examples/ballot.contract:105:13
   551  KEY
   552  PUSH_INT 0
   554  KEY
   555  DUP
   556  SLOAD 0                         ; int
    .loc 0 105 34                       ; examples/ballot.contract:105:34
   558  LOAD 2
    .loc 0 105 13                       ; examples/ballot.contract:105:13
   560  ADD
   561  SSTORE
    .loc 0 107 24                       ; examples/ballot.contract:107:24
L562:
   562  CALLER
    .loc 0 107 36                       ; examples/ballot.contract:107:36
   563  LOAD 0                          ; to
    .loc 0 107 9                        ; examples/ballot.contract:107:9
   565  EMIT 4                          ; Delegated
    .loc 0 81 34                        ; examples/ballot.contract:81:34
   568  RET

.function 5 vote(proposal: int) locals 2 pub
    .loc 0 111 17                       ; examples/ballot.contract:111:17
   569  PUSH_CONST 1                    ; 0x01
   572  SLOAD 0                         ; int
    .loc 0 111 26                       ; examples/ballot.contract:111:26
   574  PUSH_INT 1
    .loc 0 111 23                       ; examples/ballot.contract:111:23
   576  EQ
    .loc 0 111 9                        ; examples/ballot.contract:111:9
   577  JUMP_IF_TRUE L584
    .loc 0 111 34                       ; examples/ballot.contract:111:34
   580  PUSH_CONST 12                   ; "voting is not open"
    .loc 0 111 9                        ; examples/ballot.contract:111:9
   583  REVERT
    .loc 0 113 18                       ; examples/ballot.contract:113:18
L584:
   584  PUSH_CONST 2                    ; 0x03
    .loc 0 113 25                       ; examples/ballot.contract:113:25
   587  CALLER
    .loc 0 113 18                       ; examples/ballot.contract:113:18
   588  KEY
   589  PUSH_INT 1
   591  KEY
   592  SLOAD 1                         ; bool
    .loc 0 113 17                       ; examples/ballot.contract:113:17
   594  NOT
    .loc 0 113 9                        ; examples/ballot.contract:113:9
   595  JUMP_IF_TRUE L602
    .loc 0 113 44                       ; examples/ballot.contract:113:44
   598  PUSH_CONST 13                   ; "already voted"
    .loc 0 113 9                        ; examples/ballot.contract:113:9
   601  REVERT
    .loc 0 114 17                       ; examples/ballot.contract:114:17
L602:
   602  PUSH_CONST 2                    ; 0x03
    .loc 0 114 24                       ; examples/ballot.contract:114:24
   605  CALLER
    .loc 0 114 17                       ; examples/ballot.contract:114:17
   606  KEY
   607  PUSH_INT 0
   609  KEY
   610  SLOAD 0                         ; int
    .loc 0 114 45                       ; examples/ballot.contract:114:45
   612  PUSH_INT 0
    .loc 0 114 43                       ; examples/ballot.contract:114:43
   614  GT
    .loc 0 114 9                        ; examples/ballot.contract:114:9
   615  JUMP_IF_TRUE L622
    .loc 0 114 48                       ; examples/ballot.contract:114:48
   618  PUSH_CONST 14                   ; "no right to vote"
    .loc 0 114 9                        ; examples/ballot.contract:114:9
   621  REVERT
    .loc 0 115 17                       ; examples/ballot.contract:115:17
L622:
   622  LOAD 0                          ; proposal
    .loc 0 115 29                       ; examples/ballot.contract:115:29
   624  PUSH_INT 0
    .loc 0 115 26                       ; examples/ballot.contract:115:26
   626  GE
    .loc 0 115 31                       ; examples/ballot.contract:115:31
   627  DUP
   628  JUMP_IF_FALSE L640
   631  POP
    .loc 0 115 34                       ; examples/ballot.contract:115:34
   632  LOAD 0                          ; proposal
    .loc 0 115 49                       ; examples/ballot.contract:115:49
   634  PUSH_CONST 4                    ; 0x02
    .loc 0 115 45                       ; examples/ballot.contract:115:45
   637  SLOAD 0                         ; int
    .loc 0 115 43                       ; examples/ballot.contract:115:43
   639  LT
    .loc 0 115 9                        ; examples/ballot.contract:115:9
L640:
   640  JUMP_IF_TRUE L647
    .loc 0 115 61                       ; examples/ballot.contract:115:61
   643  PUSH_CONST 19                   ; "no such proposal"
    .loc 0 115 9                        ; examples/ballot.contract:115:9
   646  REVERT
    .loc 0 116 22                       ; examples/ballot.contract:116:22
L647:
   647  PUSH_CONST 2                    ; 0x03
    .loc 0 116 29                       ; examples/ballot.contract:116:29
   650  CALLER
    .loc 0 116 22                       ; examples/ballot.contract:116:22
   651  KEY
   652  PUSH_INT 0
   654  KEY
   655  SLOAD 0                         ; int
    .loc 0 116 9                        ; examples/ballot.contract:116:9
   657  STORE 1
    .loc 0 117 9                        ; examples/ballot.contract:117:9
   659  PUSH_CONST 2                    ; 0x03
    .loc 0 117 16                       ; examples/ballot.contract:117:16
   662  CALLER
    .loc 0 117 9                        ; examples/ballot.contract:117:9
   663  KEY
   664  PUSH_INT 1
   666  KEY
    .loc 0 117 36                       ; examples/ballot.contract:117:36
   667  PUSH_TRUE
    .loc 0 117 9                        ; examples/ballot.contract:117:9
   668  SSTORE
    .loc 0 118 9                        ; examples/ballot.contract:118:9
   669  PUSH_CONST 2                    ; 0x03
    .loc 0 118 16                       ; examples/ballot.contract:118:16
   672  CALLER
    .loc 0 118 9                        ; examples/ballot.contract:118:9
   673  KEY
   674  PUSH_INT 3
   676  KEY
    .loc 0 118 35                       ; examples/ballot.contract:118:35
   677  LOAD 0                          ; proposal
    .loc 0 118 9                        ; examples/ballot.contract:118:9
   679  SSTORE
    .loc 0 119 9                        ; examples/ballot.contract:119:9
   680  PUSH_CONST 4                    ; 0x02
    .loc 0 119 19                       ; examples/ballot.contract:119:19
   683  LOAD 0                          ; proposal
    .loc 0 119 9                        ; examples/ballot.contract:119:9
   685  OVER
   686  SLOAD 0                         ; int
   688  CHECK_INDEX
   689  KEY
   690  PUSH_INT 1
   692  KEY
   693  DUP
   694  SLOAD 0                         ; int
    .loc 0 119 38                       ; examples/ballot.contract:119:38
   696  LOAD 1
    .loc 0 119 9                        ; examples/ballot.contract:119:9
   698  ADD
   699  SSTORE
    .loc 0 120 20                       ; examples/ballot.contract:120:20
   700  CALLER
    .loc 0 120 32                       ; examples/ballot.contract:120:32
   701  LOAD 0                          ; proposal
    .loc 0 120 42                       ; examples/ballot.contract:120:42
   703  LOAD 1
    .loc 0 120 9                        ; examples/ballot.contract:120:9
   705  EMIT 3                          ; Voted
    .loc 0 110 32                       ; examples/ballot.contract:110:32
   708  RET

.function 6 close() locals 1 pub
    .loc 0 124 31                       ; examples/ballot.contract:124:31
   709  PUSH_CONST 0                    ; 0x00
   712  SLOAD 2                         ; address
    .loc 0 124 44                       ; examples/ballot.contract:124:44
   714  CALLER
    .loc 0 124 9                        ; examples/ballot.contract:124:9
   715  CALL 13                         ; ownable.require_owner
    .loc 0 125 17                       ; examples/ballot.contract:125:17
   718  PUSH_CONST 1                    ; 0x01
   721  SLOAD 0                         ; int
    .loc 0 125 26                       ; examples/ballot.contract:125:26
   723  PUSH_INT 1
    .loc 0 125 23                       ; examples/ballot.contract:125:23
   725  EQ
    .loc 0 125 9                        ; examples/ballot.contract:125:9
   726  JUMP_IF_TRUE L733
    .loc 0 125 34                       ; examples/ballot.contract:125:34
   729  PUSH_CONST 12                   ; "voting is not open"
    .loc 0 125 9                        ; examples/ballot.contract:125:9
   732  REVERT
    .loc 0 126 9                        ; examples/ballot.contract:126:9
L733:
   733  PUSH_CONST 1                    ; 0x01
    .loc 0 126 17                       ; examples/ballot.contract:126:17
   736  PUSH_INT 2
    .loc 0 126 9                        ; examples/ballot.contract:126:9
   738  SSTORE
    .loc 0 127 17                       ; examples/ballot.contract:127:17
   739  CALL 7                          ; winning_proposal
    .loc 0 127 9                        ; examples/ballot.contract:127:9
   742  STORE 0
    .loc 0 128 27                       ; examples/ballot.contract:128:27
   744  LOAD 0
    .loc 0 128 30                       ; examples/ballot.contract:128:30
   746  PUSH_CONST 4                    ; 0x02
    .loc 0 128 40                       ; examples/ballot.contract:128:40
   749  LOAD 0
    .loc 0 128 30                       ; examples/ballot.contract:128:30
   751  OVER
   752  SLOAD 0                         ; int
   754  CHECK_INDEX
   755  KEY
   756  PUSH_INT 1
   758  KEY
   759  SLOAD 0                         ; int
    .loc 0 128 9                        ; examples/ballot.contract:128:9
   761  EMIT 5                          ; VotingClosed
    .loc 0 123 20                       ; examples/ballot.contract:123:20
   764  RET

.function 7 winning_proposal() -> int locals 3 pub view
    .loc 0 133 21                       ; examples/ballot.contract:133:21
   765  PUSH_CONST 4                    ; 0x02
    .loc 0 133 17                       ; examples/ballot.contract:133:17
   768  SLOAD 0                         ; int
    .loc 0 133 34                       ; examples/ballot.contract:133:34
   770  PUSH_INT 0
    .loc 0 133 32                       ; examples/ballot.contract:133:32
   772  GT
    .loc 0 133 9                        ; examples/ballot.contract:133:9
   773  JUMP_IF_TRUE L780
    .loc 0 133 37                       ; examples/ballot.contract:133:37
   776  PUSH_CONST 11                   ; "no proposals"
    .loc 0 133 9                        ; examples/ballot.contract:133:9
   779  REVERT
    .loc 0 134 20                       ; examples/ballot.contract:134:20
L780:
   780  PUSH_INT 0
    .loc 0 134 9                        ; examples/ballot.contract:134:9
   782  STORE 0
    .loc 0 135 24                       ; examples/ballot.contract:135:24
   784  PUSH_INT 1
    .loc 0 135 9                        ; examples/ballot.contract:135:9
   786  STORE 1
    .loc 0 135 31                       ; examples/ballot.contract:135:31
   788  PUSH_CONST 4                    ; 0x02
    .loc 0 135 27                       ; examples/ballot.contract:135:27
   791  SLOAD 0                         ; int
    .loc 0 135 9                        ; examples/ballot.contract:135:9
   793  STORE 2
L795:
   795  LOAD 1
   797  LOAD 2
   799  LT
   800  JUMP_IF_FALSE L851
    .loc 0 136 16                       ; examples/ballot.contract:136:16
   803  PUSH_CONST 4                    ; 0x02
    .loc 0 136 26                       ; examples/ballot.contract:136:26
   806  LOAD 1
    .loc 0 136 16                       ; examples/ballot.contract:136:16
   808  OVER
   809  SLOAD 0                         ; int
   811  CHECK_INDEX
   812  KEY
   813  PUSH_INT 1
   815  KEY
   816  SLOAD 0                         ; int
    .loc 0 136 37                       ; examples/ballot.contract:136:37
   818  PUSH_CONST 4                    ; 0x02
    .loc 0 136 47                       ; examples/ballot.contract:136:47
   821  LOAD 0
    .loc 0 136 37                       ; examples/ballot.contract:136:37
   823  OVER
   824  SLOAD 0                         ; int
   826  CHECK_INDEX
   827  KEY
   828  PUSH_INT 1
   830  KEY
   831  SLOAD 0                         ; int
    .loc 0 136 35                       ; examples/ballot.contract:136:35
   833  GT
    .loc 0 136 13                       ; examples/ballot.contract:136:13
   834  JUMP_IF_FALSE L841
    .loc 0 137 24                       ; examples/ballot.contract:137:24
   837  LOAD 1
    .loc 0 137 17                       ; examples/ballot.contract:137:17
   839  STORE 0
    .loc 0 135 9                        ; examples/ballot.contract:135:9
L841:
   841  LOAD 1
   843  PUSH_INT 1
   845  ADD
   846  STORE 1
   848  JUMP L795
    .loc 0 140 16                       ; examples/ballot.contract:140:16
L851:
   851  LOAD 0
    .loc 0 140 9                        ; examples/ballot.contract:140:9
   853  RET

.function 8 winner_name() -> string locals 0 pub view
    .loc 0 144 16                       ; examples/ballot.contract:144:16
   854  PUSH_CONST 4                    ; 0x02
    .loc 0 144 26                       ; examples/ballot.contract:144:26
   857  CALL 7                          ; winning_proposal
    .loc 0 144 16                       ; examples/ballot.contract:144:16
   860  OVER
   861  SLOAD 0                         ; int
   863  CHECK_INDEX
   864  KEY
   865  PUSH_INT 0
   867  KEY
   868  SLOAD 4                         ; string
    .loc 0 144 9                        ; examples/ballot.contract:144:9
   870  RET

.function 9 proposal_count() -> int locals 0 pub view
    .loc 0 148 20                       ; examples/ballot.contract:148:20
   871  PUSH_CONST 4                    ; 0x02
    .loc 0 148 16                       ; examples/ballot.contract:148:16
   874  SLOAD 0                         ; int
    .loc 0 148 9                        ; examples/ballot.contract:148:9
   876  RET

.function 10 proposal(index: int) -> Proposal{name: string, votes: int} locals 2 pub view
    .loc 0 152 16                       ; examples/ballot.contract:152:16
   877  PUSH_CONST 4                    ; 0x02
    .loc 0 152 26                       ; examples/ballot.contract:152:26
   880  LOAD 0                          ; index
    .loc 0 152 16                       ; examples/ballot.contract:152:16
   882  OVER
   883  SLOAD 0                         ; int
   885  CHECK_INDEX
   886  KEY
   887  STORE 1
   889  LOAD 1
   891  PUSH_INT 0
   893  KEY
   894  SLOAD 4                         ; string
   896  LOAD 1
   898  PUSH_INT 1
   900  KEY
   901  SLOAD 0                         ; int
   903  MAKE_STRUCT 2
    .loc 0 152 9                        ; examples/ballot.contract:152:9
   905  RET

.function 11 voter(who: address) -> Voter{weight: int, voted: bool, delegate: address, vote: int} locals 2 pub view
    .loc 0 156 16                       ; examples/ballot.contract:156:16
   906  PUSH_CONST 2                    ; 0x03
    .loc 0 156 23                       ; examples/ballot.contract:156:23
   909  LOAD 0                          ; who
    .loc 0 156 16                       ; examples/ballot.contract:156:16
   911  KEY
   912  STORE 1
   914  LOAD 1
   916  PUSH_INT 0
   918  KEY
   919  SLOAD 0                         ; int
   921  LOAD 1
   923  PUSH_INT 1
   925  KEY
   926  SLOAD 1                         ; bool
   928  LOAD 1
   930  PUSH_INT 2
   932  KEY
   933  SLOAD 2                         ; address
   935  LOAD 1
   937  PUSH_INT 3
   939  KEY
   940  SLOAD 0                         ; int
   942  MAKE_STRUCT 4
    .loc 0 156 9                        ; examples/ballot.contract:156:9
   944  RET

.function 12 get_phase() -> int locals 0 pub view
    .loc 0 160 16                       ; examples/ballot.contract:160:16
   945  PUSH_CONST 1                    ; 0x01
   948  SLOAD 0                         ; int
    .loc 0 160 9                        ; examples/ballot.contract:160:9
   950  RET

.function 13 ownable.require_owner(owner: address, caller: address) locals 2
    .loc 1 15 13                        ; stdlib/ownable.contract:15:13
   951  LOAD 1                          ; caller
    .loc 1 15 23                        ; stdlib/ownable.contract:15:23
   953  LOAD 0                          ; owner
    .loc 1 15 20                        ; stdlib/ownable.contract:15:20
   955  EQ
    .loc 1 15 5                         ; stdlib/ownable.contract:15:5
   956  JUMP_IF_TRUE L963
    .loc 1 15 30                        ; stdlib/ownable.contract:15:30
   959  PUSH_CONST 20                   ; "caller is not the owner"
    .loc 1 15 5                         ; stdlib/ownable.contract:15:5
   962  REVERT
    .loc 1 14 51                        ; stdlib/ownable.contract:14:51
L963:
   963  RET
