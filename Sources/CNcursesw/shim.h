#ifndef BRIEF_CNCURSESW_SHIM_H
#define BRIEF_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* Swift 6 cannot use C globals or function-like macros directly: these wrappers expose what Brief needs. */

static inline WINDOW *brief_stdscr(void) { return stdscr; }
static inline int brief_colors(void) { return COLORS; }
static inline int brief_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t brief_attr_bold(void) { return A_BOLD; }
static inline attr_t brief_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t brief_attr_reverse(void) { return A_REVERSE; }
static inline attr_t brief_attr_dim(void) { return A_DIM; }

/* The screen on the process's own stdin/stdout (newterm needs the FILE* globals). */
static inline SCREEN *brief_newterm(void) { return newterm(NULL, stdout, stdin); }

/* 1 if the terminal described by setupterm can address the cursor (has `cup`). */
static inline int brief_has_cursor_addressing(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

static inline void brief_size(int *rows, int *cols) {
    int y, x;
    getmaxyx(stdscr, y, x);
    *rows = y;
    *cols = x;
}

/* The terminal's size as the kernel has it now (0 when unknown). ncurses learns of a resize from SIGWINCH, which
   can arrive just before a blocking read starts and then goes unnoticed until the next key; this is the check that
   catches such a resize on the next timed-out read. */
static inline void brief_tty_size(int *rows, int *cols) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
        *rows = size.ws_row;
        *cols = size.ws_col;
    } else {
        *rows = 0;
        *cols = 0;
    }
}

/* Writes one UTF-8 grapheme at (y, x) with attributes and colour pair. */
static inline int brief_put(int y, int x, const char *utf8, attr_t attrs, short pair) {
    if (wmove(stdscr, y, x) == ERR) return ERR;
    wattr_set(stdscr, attrs, pair, NULL);
    return waddstr(stdscr, utf8);
}

/* SIGTERM/SIGHUP/SIGINT while the reader runs: give the terminal back, then die of the signal as usual. */
static inline void brief_restore_and_reraise(int sig) {
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void brief_install_signal_handlers(void) {
    signal(SIGTERM, brief_restore_and_reraise);
    signal(SIGHUP, brief_restore_and_reraise);
    signal(SIGINT, brief_restore_and_reraise);
}

/* While another program has the terminal (a text-mode browser): Ctrl-C is its, not ours. */
static inline void brief_ignore_interrupts(void) {
    signal(SIGINT, SIG_IGN);
}

static inline void brief_default_signal_handlers(void) {
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGINT, SIG_DFL);
}
#endif
