/*
 * cygwin-hygiene's preload recorder: records, from inside each process, the few events predict's replay needs,
 * as lines in `strace -f -y -o FILE` format, so the same replay reads them. Built on first use by
 * src/predict/recorder.ts with the system C compiler; loaded as both LD_AUDIT (library loads and unloads, and the
 * exec of each program, with no cost to any other call) and LD_PRELOAD (wrappers of the calls that create
 * processes, delete/rename files, or open files for writing). Nothing else is intercepted, so a traced program runs
 * at nearly full speed, where strace stops it at every traced system call.
 *
 * Lines written (one write(2) each, O_APPEND, so concurrent processes never interleave inside a line):
 * PID is the calling thread's id, as with strace -f; a thread's first line is preceded by the clone(CLONE_THREAD) line
 * that ties it to its process.
 *   PID execve("FILE", ["argv0", ...], 0x0 /+ recorder +/) = 0          the program started (AT_EXECFN, cmdline)
 *   PID openat(AT_FDCWD</cwd>, "NAME", O_RDONLY|O_CLOEXEC) = 3</real>  + PID mmap(... PROT_EXEC ... MAP_DENYWRITE,
 *       3</real>, 0) = 0xBASE                                           a shared object was loaded (la_objopen)
 *   PID munmap(0xBASE, 4096) = 0                                        it was unloaded (la_objclose)
 *   PID clone(child_stack=NULL, flags=SIGCHLD) = CHILD                  fork()
 *   PID vfork() = CHILD                                                 vfork() (run as fork(): see below)
 *   PID clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD}, 88) = CHILD     posix_spawn[p](), and, written
 *       by the child of system()/popen() for its parent (it knows its parent's pid), those two as well
 *   PID unlinkat(DIRFD, "PATH", 0|AT_REMOVEDIR) = 0, PID renameat2(...) = 0          successful deletions/renames
 *   PID openat(DIRFD, "PATH", FLAGS, 0666) = FD</real>                  opens with O_CREAT or O_TRUNC
 * DIRFD is `AT_FDCWD</cwd>` or `N</path>`, as strace -y prints them. Strings are escaped as strace does.
 *
 * Limits (docs/predict.md): programs that are statically linked, make raw system calls, or replace LD_PRELOAD /
 * LD_AUDIT in their environment are not recorded (a process that has the audit part but not the preload part
 * writes a `--- recorder: no LD_PRELOAD ---` line, which predict reports).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#define ENV_TRACE "CYGWIN_HYGIENE_TRACE"
#define ENV_SPAWN "CYGWIN_HYGIENE_SPAWNED_BY"
#define LINE_MAX_BYTES 16384

/* ---- output --------------------------------------------------------------------------------------------------- */

struct buf {
  char data[LINE_MAX_BYTES];
  size_t len;
  int overflow;
};

static void put(struct buf *b, const char *s, size_t n) {
  if (b->len + n >= sizeof b->data - 2) {
    b->overflow = 1;
    n = sizeof b->data - 2 - b->len;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
}

static void puts_(struct buf *b, const char *s) { put(b, s, strlen(s)); }

static void putnum(struct buf *b, long long v) {
  char tmp[32];
  int n = snprintf(tmp, sizeof tmp, "%lld", v);
  put(b, tmp, (size_t)n);
}

static void puthex(struct buf *b, unsigned long long v) {
  char tmp[32];
  int n = snprintf(tmp, sizeof tmp, "0x%llx", v);
  put(b, tmp, (size_t)n);
}

/* A C string escaped the way strace prints it; `extra` is one more character to escape (`>` in decorations). */
static void putesc(struct buf *b, const char *s, char extra) {
  static const char hex[] = "0123456789abcdef";
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    unsigned char c = *p;
    char e[4];
    if (c == '"' || c == '\\') {
      e[0] = '\\';
      e[1] = (char)c;
      put(b, e, 2);
    } else if (c == '\n') {
      put(b, "\\n", 2);
    } else if (c == '\t') {
      put(b, "\\t", 2);
    } else if (c < 0x20 || c >= 0x7f || c == (unsigned char)extra) {
      e[0] = '\\';
      e[1] = 'x';
      e[2] = hex[c >> 4];
      e[3] = hex[c & 15];
      put(b, e, 4);
    } else {
      put(b, (const char *)&c, 1);
    }
  }
}

static void putstr(struct buf *b, const char *s) {
  put(b, "\"", 1);
  putesc(b, s, 0);
  put(b, "\"", 1);
}

static void putdecor(struct buf *b, const char *path) {
  put(b, "<", 1);
  putesc(b, path, '>');
  put(b, ">", 1);
}

static long sys_getpid(void) { return syscall(SYS_getpid); }

/* Whether this thread's id has been tied to its process in the trace yet. */
static __thread int thread_announced;

/* Start a line with the calling thread's id, as strace -f does. A thread other than the main one is first tied to
   its process with the clone line strace would have shown for pthread_create (the replay needs it). */
static void begin(struct buf *b) {
  b->len = 0;
  b->overflow = 0;
  long pid = sys_getpid(), tid = syscall(SYS_gettid);
  if (tid != pid && !thread_announced) {
    thread_announced = 1;
    putnum(b, pid);
    puts_(b, " clone(child_stack=0x0, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM) = ");
    putnum(b, tid);
    put(b, "\n", 1);
  }
  putnum(b, tid);
  put(b, " ", 1);
}

/* Append the line to the trace: open, one write, close (no descriptor stays open for the program to see). */
static void flush(struct buf *b) {
  const char *file = getenv(ENV_TRACE);
  if (!file || !*file || b->overflow) return;
  b->data[b->len++] = '\n';
  int saved = errno;
  long fd = syscall(SYS_openat, AT_FDCWD, file, O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd >= 0) {
    syscall(SYS_write, (int)fd, b->data, b->len);
    syscall(SYS_close, (int)fd);
  }
  errno = saved;
}

/* `AT_FDCWD</cwd>` or `N</path>`: the directory a *at() call resolves against. */
static void putdirfd(struct buf *b, int dirfd) {
  char path[PATH_MAX];
  if (dirfd == AT_FDCWD) {
    puts_(b, "AT_FDCWD");
    if (getcwd(path, sizeof path)) putdecor(b, path);
    return;
  }
  putnum(b, dirfd);
  char link[64];
  snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n > 0) {
    path[n] = 0;
    putdecor(b, path);
  }
}

static void putfdret(struct buf *b, int fd) {
  puts_(b, " = ");
  putnum(b, fd);
  char link[64], path[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n > 0) {
    path[n] = 0;
    putdecor(b, path);
  }
}

/* ---- the audit half: exec, loads, unloads ----------------------------------------------------------------------- */

static int in_audit;

static void record_exec(void) {
  struct buf b;
  begin(&b);
  puts_(&b, "execve(");
  const char *fn = (const char *)getauxval(AT_EXECFN);
  putstr(&b, fn ? fn : "");
  puts_(&b, ", [");
  char args[8192];
  long fd = syscall(SYS_openat, AT_FDCWD, "/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
  ssize_t n = 0;
  if (fd >= 0) {
    n = (ssize_t)syscall(SYS_read, (int)fd, args, sizeof args - 1);
    syscall(SYS_close, (int)fd);
  }
  if (n < 0) n = 0;
  args[n] = 0;
  int first = 1;
  for (ssize_t i = 0; i < n;) {
    if (!first) puts_(&b, ", ");
    first = 0;
    putstr(&b, args + i);
    i += (ssize_t)strlen(args + i) + 1;
  }
  puts_(&b, "], 0x0 /* recorder */) = 0");
  flush(&b);
  if (!getenv("LD_PRELOAD") || !strstr(getenv("LD_PRELOAD"), "cygwin-hygiene-recorder")) {
    begin(&b);
    puts_(&b, "--- recorder: no LD_PRELOAD ---");
    flush(&b);
  }
}

unsigned int la_version(unsigned int version) {
  in_audit = 1;
  if (getenv(ENV_TRACE)) record_exec();
  return version < LAV_CURRENT ? version : LAV_CURRENT;
}

/* Not a library of the program's: the main program, the vDSO, the dynamic loader, and the recorder itself. */
static int skip_object(struct link_map *map) {
  const char *name = map->l_name;
  if (!name || !strchr(name, '/')) return 1;
  if (map->l_addr == (ElfW(Addr))getauxval(AT_BASE)) return 1;
  return strstr(name, "cygwin-hygiene-recorder") != NULL;
}

unsigned int la_objopen(struct link_map *map, Lmid_t lmid, uintptr_t *cookie) {
  (void)lmid;
  *cookie = (uintptr_t)map;
  if (!getenv(ENV_TRACE) || skip_object(map)) return 0;
  char real[PATH_MAX];
  if (!realpath(map->l_name, real)) return 0;
  struct buf b;
  begin(&b);
  puts_(&b, "openat(");
  putdirfd(&b, AT_FDCWD);
  puts_(&b, ", ");
  putstr(&b, map->l_name);
  puts_(&b, ", O_RDONLY|O_CLOEXEC) = 3");
  putdecor(&b, real);
  put(&b, "\n", 1);
  putnum(&b, syscall(SYS_gettid));
  puts_(&b, " mmap(NULL, 4096, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_DENYWRITE, 3");
  putdecor(&b, real);
  puts_(&b, ", 0) = ");
  puthex(&b, map->l_addr);
  flush(&b);
  return 0; /* no symbol-binding callbacks: they would slow every call */
}

unsigned int la_objclose(uintptr_t *cookie) {
  struct link_map *map = (struct link_map *)*cookie;
  if (!map || !getenv(ENV_TRACE) || skip_object(map)) return 0;
  struct buf b;
  begin(&b);
  puts_(&b, "munmap(");
  puthex(&b, map->l_addr);
  puts_(&b, ", 4096) = 0");
  flush(&b);
  return 0;
}

/* ---- the preload half: process creation, deletions, writes -------------------------------------------------------- */

/* The next definition of `name` (libc's), looked up once. */
#define REAL(name) \
  static __typeof__(&name) real_##name; \
  if (!real_##name) real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

static int tracing(void) { return !in_audit && getenv(ENV_TRACE) != NULL; }

/* The child of system()/popen() writes its parent's spawn line (the parent cannot know the child's pid). */
__attribute__((constructor)) static void recorder_init(void) {
  if (in_audit) return;
  const char *by = getenv(ENV_SPAWN);
  if (!by) return;
  long parent = strtol(by, NULL, 10);
  unsetenv(ENV_SPAWN);
  if (parent <= 0 || parent != getppid() || !getenv(ENV_TRACE)) return;
  struct buf b;
  b.len = 0;
  b.overflow = 0;
  putnum(&b, parent);
  puts_(&b, " clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD}, 88) = ");
  putnum(&b, sys_getpid());
  flush(&b);
}

static void record_spawn(const char *call, long child) {
  struct buf b;
  begin(&b);
  puts_(&b, call);
  putnum(&b, child);
  flush(&b);
}

pid_t fork(void) {
  REAL(fork);
  pid_t r = real_fork();
  if (r > 0 && tracing()) record_spawn("clone(child_stack=NULL, flags=SIGCHLD) = ", r);
  return r;
}

/* A wrapper cannot return twice into a vfork child's borrowed stack, so vfork runs as fork (same result for exec). */
pid_t vfork(void) {
  REAL(fork);
  pid_t r = real_fork();
  if (r > 0 && tracing()) record_spawn("vfork() = ", r);
  return r;
}

typedef int (*spawn_fn)(pid_t *, const char *, const posix_spawn_file_actions_t *, const posix_spawnattr_t *,
                        char *const[], char *const[]);

static int spawn_common(spawn_fn fn, pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
                        const posix_spawnattr_t *attr, char *const argv[], char *const envp[]) {
  pid_t local;
  if (!pid) pid = &local;
  int r = fn(pid, file, fa, attr, argv, envp);
  if (r == 0 && tracing()) record_spawn("clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD}, 88) = ", *pid);
  return r;
}

int posix_spawn(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *attr,
                char *const argv[], char *const envp[]) {
  REAL(posix_spawn);
  return spawn_common(real_posix_spawn, pid, file, fa, attr, argv, envp);
}

int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *attr,
                 char *const argv[], char *const envp[]) {
  REAL(posix_spawnp);
  return spawn_common(real_posix_spawnp, pid, file, fa, attr, argv, envp);
}

/* system() and popen(): tell the child (through its environment) to write the spawn line for us. */
static void mark_spawn(int on) {
  if (!on) {
    unsetenv(ENV_SPAWN);
    return;
  }
  char v[32];
  snprintf(v, sizeof v, "%ld", sys_getpid());
  setenv(ENV_SPAWN, v, 1);
}

int system(const char *cmd) {
  REAL(system);
  int t = cmd && tracing();
  if (t) mark_spawn(1);
  int r = real_system(cmd);
  if (t) mark_spawn(0);
  return r;
}

FILE *popen(const char *cmd, const char *mode) {
  REAL(popen);
  int t = tracing();
  if (t) mark_spawn(1);
  FILE *r = real_popen(cmd, mode);
  if (t) mark_spawn(0);
  return r;
}

static void record_unlink(int dirfd, const char *path, int dir) {
  struct buf b;
  begin(&b);
  puts_(&b, "unlinkat(");
  putdirfd(&b, dirfd);
  puts_(&b, ", ");
  putstr(&b, path);
  puts_(&b, dir ? ", AT_REMOVEDIR) = 0" : ", 0) = 0");
  flush(&b);
}

int unlink(const char *path) {
  REAL(unlink);
  int r = real_unlink(path);
  if (r == 0 && tracing()) record_unlink(AT_FDCWD, path, 0);
  return r;
}

int unlinkat(int dirfd, const char *path, int flags) {
  REAL(unlinkat);
  int r = real_unlinkat(dirfd, path, flags);
  if (r == 0 && tracing()) record_unlink(dirfd, path, (flags & AT_REMOVEDIR) != 0);
  return r;
}

int rmdir(const char *path) {
  REAL(rmdir);
  int r = real_rmdir(path);
  if (r == 0 && tracing()) record_unlink(AT_FDCWD, path, 1);
  return r;
}

int remove(const char *path) {
  /* Whether it was a directory is unknown afterwards; both forms mark the same mapped libraries gone. */
  struct stat st;
  int dir = lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
  REAL(remove);
  int r = real_remove(path);
  if (r == 0 && tracing()) record_unlink(AT_FDCWD, path, dir);
  return r;
}

static void record_rename(int olddir, const char *from, int newdir, const char *to, unsigned int flags) {
  struct buf b;
  begin(&b);
  puts_(&b, "renameat2(");
  putdirfd(&b, olddir);
  puts_(&b, ", ");
  putstr(&b, from);
  puts_(&b, ", ");
  putdirfd(&b, newdir);
  puts_(&b, ", ");
  putstr(&b, to);
  puts_(&b, (flags & RENAME_EXCHANGE) ? ", RENAME_EXCHANGE) = 0" : ", 0) = 0");
  flush(&b);
}

int rename(const char *from, const char *to) {
  REAL(rename);
  int r = real_rename(from, to);
  if (r == 0 && tracing()) record_rename(AT_FDCWD, from, AT_FDCWD, to, 0);
  return r;
}

int renameat(int olddir, const char *from, int newdir, const char *to) {
  REAL(renameat);
  int r = real_renameat(olddir, from, newdir, to);
  if (r == 0 && tracing()) record_rename(olddir, from, newdir, to, 0);
  return r;
}

int renameat2(int olddir, const char *from, int newdir, const char *to, unsigned int flags) {
  REAL(renameat2);
  int r = real_renameat2(olddir, from, newdir, to, flags);
  if (r == 0 && tracing()) record_rename(olddir, from, newdir, to, flags);
  return r;
}

static void record_open(int dirfd, const char *path, int flags, int fd) {
  if (fd < 0 || !(flags & (O_CREAT | O_TRUNC)) || !tracing()) return;
  struct buf b;
  begin(&b);
  puts_(&b, "openat(");
  putdirfd(&b, dirfd);
  puts_(&b, ", ");
  putstr(&b, path);
  int acc = flags & O_ACCMODE;
  puts_(&b, acc == O_WRONLY ? ", O_WRONLY" : acc == O_RDWR ? ", O_RDWR" : ", O_RDONLY");
  if (flags & O_CREAT) puts_(&b, "|O_CREAT");
  if (flags & O_TRUNC) puts_(&b, "|O_TRUNC");
  if (flags & O_APPEND) puts_(&b, "|O_APPEND");
  puts_(&b, ", 0666)");
  putfdret(&b, fd);
  flush(&b);
}

/* open and friends are variadic: the mode is only there with O_CREAT or O_TMPFILE. */
#define MODE_ARG(flags, last) \
  mode_t mode = 0; \
  if ((flags) & (O_CREAT | O_TMPFILE)) { \
    va_list ap; \
    va_start(ap, last); \
    mode = (mode_t)va_arg(ap, int); \
    va_end(ap); \
  }

#define OPEN_WRAPPER(name) \
  int name(const char *path, int flags, ...) { \
    MODE_ARG(flags, flags) \
    REAL(name); \
    int fd = real_##name(path, flags, mode); \
    record_open(AT_FDCWD, path, flags, fd); \
    return fd; \
  }

#define OPENAT_WRAPPER(name) \
  int name(int dirfd, const char *path, int flags, ...) { \
    MODE_ARG(flags, flags) \
    REAL(name); \
    int fd = real_##name(dirfd, path, flags, mode); \
    record_open(dirfd, path, flags, fd); \
    return fd; \
  }

OPEN_WRAPPER(open)
OPEN_WRAPPER(open64)
OPENAT_WRAPPER(openat)
OPENAT_WRAPPER(openat64)

int creat(const char *path, mode_t mode) {
  REAL(creat);
  int fd = real_creat(path, mode);
  record_open(AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, fd);
  return fd;
}

int creat64(const char *path, mode_t mode) {
  REAL(creat64);
  int fd = real_creat64(path, mode);
  record_open(AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, fd);
  return fd;
}

/* The _FORTIFY_SOURCE entry points (a mode argument is never passed to them); declared here, as the headers only
   declare them when fortifying. */
int __open_2(const char *path, int flags);
int __open64_2(const char *path, int flags);
int __openat_2(int dirfd, const char *path, int flags);
int __openat64_2(int dirfd, const char *path, int flags);

int __open_2(const char *path, int flags) {
  REAL(__open_2);
  int fd = real___open_2(path, flags);
  record_open(AT_FDCWD, path, flags, fd);
  return fd;
}

int __open64_2(const char *path, int flags) {
  REAL(__open64_2);
  int fd = real___open64_2(path, flags);
  record_open(AT_FDCWD, path, flags, fd);
  return fd;
}

int __openat_2(int dirfd, const char *path, int flags) {
  REAL(__openat_2);
  int fd = real___openat_2(dirfd, path, flags);
  record_open(dirfd, path, flags, fd);
  return fd;
}

int __openat64_2(int dirfd, const char *path, int flags) {
  REAL(__openat64_2);
  int fd = real___openat64_2(dirfd, path, flags);
  record_open(dirfd, path, flags, fd);
  return fd;
}

static int fopen_flags(const char *mode) {
  int plus = strchr(mode, '+') != NULL;
  switch (mode[0]) {
    case 'w':
      return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
    case 'a':
      return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
    default:
      return plus ? O_RDWR : O_RDONLY;
  }
}

#define FOPEN_WRAPPER(name) \
  FILE *name(const char *path, const char *mode) { \
    REAL(name); \
    FILE *f = real_##name(path, mode); \
    if (f && mode) record_open(AT_FDCWD, path, fopen_flags(mode), fileno(f)); \
    return f; \
  }

FOPEN_WRAPPER(fopen)
FOPEN_WRAPPER(fopen64)
