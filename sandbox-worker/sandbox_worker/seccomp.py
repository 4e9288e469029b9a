"""The seccomp filter every sandboxed process runs under (bwrap `--seccomp FD`), as a classic BPF program.

bubblewrap loads the program given on the fd just before it executes the command; every process the
command starts inherits it and none can remove it. It is assembled here instead of with libseccomp's
Python bindings (not on PyPI with wheels): a few dozen instructions, each rule tested by
tests/test_seccomp.py (the program itself) and tests/test_hostile.py (each denied call from inside a sandbox).

What it denies, and why a judged program never needs it:
- any architecture but x86_64 (32-bit `int 0x80` calls: KILL) and the x32 ABI (syscall numbers with bit 30 set);
- io_uring (a second syscall surface that bypasses seccomp, and a long CVE list), bpf, perf_event_open,
  userfaultfd (races in kernel exploits), ptrace and process_vm_readv/writev, keyctl/add_key/request_key;
- namespaces: unshare and setns always; clone with CLONE_NEWUSER (or any other new namespace); clone3,
  whose flags live in memory a filter cannot read, answers ENOSYS so that glibc falls back to clone;
- mounts (mount, umount2, pivot_root and the new mount API), kexec, kernel modules, reboot, swap, acct.
Denied calls fail with EPERM (ENOSYS for clone3): runtimes see an ordinary error, not a crash.
"""

import errno
import struct

AUDIT_ARCH_X86_64 = 0xC000003E
X32_SYSCALL_BIT = 0x40000000

# x86_64 syscall numbers (arch/x86/entry/syscalls/syscall_64.tbl)
DENIED_SYSCALLS = {
    "ptrace": 101,
    "acct": 163,
    "mount": 165,
    "umount2": 166,
    "swapon": 167,
    "swapoff": 168,
    "reboot": 169,
    "init_module": 175,
    "delete_module": 176,
    "pivot_root": 155,
    "kexec_load": 246,
    "add_key": 248,
    "request_key": 249,
    "keyctl": 250,
    "unshare": 272,
    "perf_event_open": 298,
    "setns": 308,
    "process_vm_readv": 310,
    "process_vm_writev": 311,
    "finit_module": 313,
    "kexec_file_load": 320,
    "bpf": 321,
    "userfaultfd": 323,
    "io_uring_setup": 425,
    "io_uring_enter": 426,
    "io_uring_register": 427,
    "open_tree": 428,
    "move_mount": 429,
    "fsopen": 430,
    "fsconfig": 431,
    "fsmount": 432,
    "fspick": 433,
    "mount_setattr": 442,
}
CLONE = 56
CLONE3 = 435
# CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET (| NEWTIME in the low byte's 0x80)
CLONE_NEW_NAMESPACE = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000 | 0x80

# classic BPF
BPF_LD_W_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
BPF_JEQ_K = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
BPF_JGE_K = 0x35  # BPF_JMP | BPF_JGE | BPF_K
BPF_JSET_K = 0x45  # BPF_JMP | BPF_JSET | BPF_K
BPF_RET_K = 0x06  # BPF_RET | BPF_K

SECCOMP_RET_KILL_PROCESS = 0x80000000
SECCOMP_RET_ERRNO = 0x00050000
SECCOMP_RET_ALLOW = 0x7FFF0000

# offsets in struct seccomp_data {int nr; u32 arch; u64 instruction_pointer; u64 args[6];}
NR_OFFSET = 0
ARCH_OFFSET = 4
ARG0_LOW_OFFSET = 16  # little-endian: the low 32 bits of args[0] (clone's flags)


def _stmt(code: int, k: int) -> tuple[int, int, int, int]:
    return code, 0, 0, k


def _jump(code: int, k: int, jt: int, jf: int) -> tuple[int, int, int, int]:
    return code, jt, jf, k


def filter_instructions() -> list[tuple[int, int, int, int]]:
    """(code, jt, jf, k) instructions; a jump's offsets count from the next instruction."""
    deny = SECCOMP_RET_ERRNO | errno.EPERM
    program = [
        _stmt(BPF_LD_W_ABS, ARCH_OFFSET),
        _jump(BPF_JEQ_K, AUDIT_ARCH_X86_64, 1, 0),
        _stmt(BPF_RET_K, SECCOMP_RET_KILL_PROCESS),  # i386 or another ABI: its numbers mean other calls
        _stmt(BPF_LD_W_ABS, NR_OFFSET),
        _jump(BPF_JGE_K, X32_SYSCALL_BIT, 0, 1),
        _stmt(BPF_RET_K, deny),  # the x32 ABI
        _jump(BPF_JEQ_K, CLONE3, 0, 1),
        _stmt(BPF_RET_K, SECCOMP_RET_ERRNO | errno.ENOSYS),
        _jump(BPF_JEQ_K, CLONE, 0, 4),  # not clone: on to the list
        _stmt(BPF_LD_W_ABS, ARG0_LOW_OFFSET),
        _jump(BPF_JSET_K, CLONE_NEW_NAMESPACE, 0, 1),
        _stmt(BPF_RET_K, deny),
        _stmt(BPF_RET_K, SECCOMP_RET_ALLOW),  # a thread or a process in the same namespaces
    ]
    numbers = sorted(DENIED_SYSCALLS.values())
    for index, number in enumerate(numbers):
        after = len(numbers) - index - 1  # list entries after this one, then ALLOW, then DENY
        program.append(_jump(BPF_JEQ_K, number, after + 1, 0))
    program += [_stmt(BPF_RET_K, SECCOMP_RET_ALLOW), _stmt(BPF_RET_K, deny)]
    return program


def filter_program() -> bytes:
    """The program as bwrap reads it from its --seccomp fd: struct sock_filter[] in host byte order."""
    return b"".join(struct.pack("=HBBI", *instruction) for instruction in filter_instructions())
