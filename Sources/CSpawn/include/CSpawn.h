#ifndef BRIEF_CSPAWN_H
#define BRIEF_CSPAWN_H

#include <spawn.h>

/// Adds to `actions` the closing of every descriptor from `lowest` up, so that a spawned program gets only the
/// descriptors below it. glibc declares posix_spawn_file_actions_addclosefrom_np only for _GNU_SOURCE, which
/// Swift's Glibc module does not define. Returns 0 or an error number.
int brief_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

#endif
