// SQLite's process-wide settings (BriefStore `SQLiteSettings`). `sqlite3_config` takes variable arguments, which
// Swift cannot call; these fixed-argument wrappers can.
#include <sqlite3.h>

// Turns off SQLite's memory statistics, which take a process-wide mutex on every allocation and free. Only before
// SQLite initialises (the first connection opened); SQLITE_MISUSE after, changing nothing.
static inline int brief_sqlite3_memory_statistics_off(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
