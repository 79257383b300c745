"""Every size and depth the VM bounds, named in one place.

Each limit keeps an adversarial program or encoding from making the host
allocate or recurse far beyond what its gas paid for.
"""

# Bytes of bytecode in one code object: keeps validation and jump tables small.
MAX_CODE_SIZE = 64 * 1024
# Bytes of a whole encoded code object (code, constants, ABI, line table).
MAX_CODE_OBJECT_SIZE = 256 * 1024
# Entries in the constant pool, function table and event table (2-byte immediates).
MAX_CONSTS = 65535
MAX_FUNCTIONS = 65535
MAX_EVENTS = 65535
# Local variable slots per function (1-byte immediate).
MAX_LOCALS = 255
# Fields in one struct or event, and arguments of one call (1-byte immediates).
MAX_FIELDS = 255
# Values on one frame's operand stack; checked once, at validation.
MAX_STACK = 1024
# Frames on the call stack, internal and external calls together.
MAX_CALL_DEPTH = 256
# Bytes of one bytes or string value (UTF-8 for strings), and of one encoded struct.
MAX_VALUE_SIZE = 64 * 1024
# Struct nesting depth, so no walk over a value can recurse deeply.
MAX_VALUE_DEPTH = 16
# Bytes of an encoded storage key (slot path with map keys).
MAX_KEY_SIZE = 4 * 1024
# Bytes of strings, bytes, keys and struct fields one call may build in all
# (freed or not): with gas it bounds a call's memory, whatever its gas limit.
MAX_ALLOCATION = 32 * 1024 * 1024
# Bytes of bytecode one call may load (its target and every XCALL callee):
# a loaded program holds about 260 bytes of memory per byte of code until the
# call ends, so this keeps a call's programs near 135 MB whatever its gas.
MAX_LOADED_CODE = 512 * 1024
# What one struct field counts against MAX_ALLOCATION (a reference and its share of the object).
STRUCT_FIELD_BYTES = 64
