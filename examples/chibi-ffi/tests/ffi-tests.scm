;; FFI tests in the style of chibi-scheme's tests/ffi/ffi-tests.scm: each test-ffi form writes a stub, compiles it
;; to a shared library with chibi-ffi, loads it, runs the tests and deletes the library again. On Cygwin the
;; deleted-but-loaded DLL makes the next `system` (a fork in chibi) fail:
;;   child_info_fork::abort: unable to map C:\cygwin64\home\...\tests\ffi\basic.dll, Win32 error 126

(import (scheme base) (scheme file) (scheme write) (scheme process-context)
        (chibi) (chibi process) (chibi test))

(test-begin "ffi")

(define-syntax test-ffi
  (syntax-rules ()
    ((test-ffi name-expr decls tests ...)
     (let* ((name name-expr)
            (stub-file (string-append "tests/ffi/" name ".stub"))
            (c-file (string-append "tests/ffi/" name ".c"))
            (lib-file
             (string-append "tests/ffi/" name *shared-object-extension*)))
       (call-with-output-file stub-file
         (lambda (out) (write 'decls out) (newline out)))
       (let ((res (system
                   "./chibi-scheme" "tools/chibi-ffi" "-c"
                   "-f" (string-append
                         "-O0 -L. -Iinclude"
                         (cond-expand
                          (boehm-gc
                           " -DSEXP_USE_BOEHM=1 -I/opt/local/include")
                          (else
                           "")))
                   stub-file)))
         (cond
          ((zero? (cadr res))
           (let ((orig-failures (test-failure-count)))
             (load lib-file)
             tests ...
             ;; on any failure leave the stub and c file for reference
             (cond
              ((= orig-failures (test-failure-count))
               (delete-file stub-file)
               (delete-file c-file)))
             (delete-file lib-file)))))))))

(test-ffi
 "basic"
 (c-declare "
int zero() { return 0; }
int add(int x, int y) { return x + y; }
")
 (define-c int zero ())
 (define-c int add (int int))
 (test 0 (zero))
 (test 3 (add 1 2)))

(test-ffi
 "structs"
 (c-declare "
struct point { double x, y; };
double point_x(struct point* p) { return p->x; }
")
 (define-c-struct point make-point point? (double x point-x))
 (test 1.0 (point-x (make-point 1.0 2.0))))

(test-ffi
 "callbacks"
 (c-declare "
int apply_twice(int (*f)(int), int x) { return f(f(x)); }
")
 (define-c int apply_twice (callback int))
 (test 4 (apply_twice (lambda (x) (* x 2)) 1)))

(test-end)
