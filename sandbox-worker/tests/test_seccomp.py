"""The seccomp program itself, run by a small classic-BPF interpreter: each rule, and the defaults."""

import errno
import struct

import pytest

from sandbox_worker import seccomp

EPERM = seccomp.SECCOMP_RET_ERRNO | errno.EPERM
ENOSYS = seccomp.SECCOMP_RET_ERRNO | errno.ENOSYS
ALLOW = seccomp.SECCOMP_RET_ALLOW


def run_filter(nr: int, arch: int = seccomp.AUDIT_ARCH_X86_64, arg0: int = 0) -> int:
    """Evaluate the program on one struct seccomp_data, as the kernel would."""
    data = struct.pack("<iIQ6Q", nr, arch, 0, arg0, 0, 0, 0, 0, 0)
    program = seccomp.filter_instructions()
    accumulator, pc = 0, 0
    for _ in range(len(program) + 1):  # classic BPF only jumps forward
        code, jt, jf, k = program[pc]
        pc += 1
        if code == seccomp.BPF_LD_W_ABS:
            accumulator = struct.unpack_from("<I", data, k)[0]
        elif code == seccomp.BPF_RET_K:
            return k
        elif code == seccomp.BPF_JEQ_K:
            pc += jt if accumulator == k else jf
        elif code == seccomp.BPF_JGE_K:
            pc += jt if accumulator >= k else jf
        elif code == seccomp.BPF_JSET_K:
            pc += jt if accumulator & k else jf
        else:
            raise AssertionError(f"unexpected instruction {code:#x}")
    raise AssertionError("the program did not return")


REQUIRED = ["io_uring_setup", "io_uring_enter", "io_uring_register", "unshare", "setns", "ptrace", "keyctl",
            "add_key", "request_key", "bpf", "perf_event_open", "mount", "umount2", "pivot_root", "kexec_load",
            "kexec_file_load"]


@pytest.mark.parametrize("name", REQUIRED)
def test_each_dangerous_call_is_denied_with_eperm(name):
    assert run_filter(seccomp.DENIED_SYSCALLS[name]) == EPERM


@pytest.mark.parametrize("nr", [0, 1, 2, 3, 9, 11, 12, 39, 57, 59, 60, 61, 202, 218, 228, 231, 257, 262, 318, 334])
def test_ordinary_calls_are_allowed(nr):  # read write open close mmap munmap brk getpid fork execve exit ...
    assert run_filter(nr) == ALLOW


def test_threads_and_processes_may_be_cloned_but_not_into_new_namespaces():
    thread = 0x3D0F00  # glibc's pthread_create flags
    assert run_filter(seccomp.CLONE, arg0=thread) == ALLOW
    assert run_filter(seccomp.CLONE, arg0=0x01200011) == ALLOW  # fork(): CLONE_CHILD_SETTID|CLEARTID|SIGCHLD
    assert run_filter(seccomp.CLONE, arg0=0x10000000 | 17) == EPERM  # CLONE_NEWUSER
    assert run_filter(seccomp.CLONE, arg0=0x20000000 | 17) == EPERM  # CLONE_NEWPID
    assert run_filter(seccomp.CLONE, arg0=0x00020000) == EPERM  # CLONE_NEWNS


def test_clone3_answers_enosys_so_that_libc_falls_back_to_clone():
    assert run_filter(seccomp.CLONE3) == ENOSYS


def test_other_architectures_are_killed_and_x32_denied():
    assert run_filter(1, arch=0x40000003) == seccomp.SECCOMP_RET_KILL_PROCESS  # i386 via int 0x80
    assert run_filter(seccomp.X32_SYSCALL_BIT | 1) == EPERM
    assert run_filter(seccomp.X32_SYSCALL_BIT | seccomp.DENIED_SYSCALLS["ptrace"]) == EPERM


def test_the_program_fits_the_kernel_and_packs_as_sock_filter():
    program = seccomp.filter_program()
    assert len(program) == 8 * len(seccomp.filter_instructions()) <= 8 * 4096
    assert all(jt < 256 and jf < 256 for _, jt, jf, _ in seccomp.filter_instructions())
