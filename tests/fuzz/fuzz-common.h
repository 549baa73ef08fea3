/* fuzz-common.h: what the fuzz targets and their regression test share
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include "mw-network.h"

G_BEGIN_DECLS

/* One input through each target; every failed check aborts, so libFuzzer
 * and the regression test see it the same way. Both return 0. */
int   mw_fuzz_dot                  (const uint8_t *data,
                                    size_t         size);
int   mw_fuzz_model                (const uint8_t *data,
                                    size_t         size);
int   mw_fuzz_csv                  (const uint8_t *data,
                                    size_t         size);
int   mw_fuzz_graphml              (const uint8_t *data,
                                    size_t         size);
int   mw_fuzz_pipeline             (const uint8_t *data,
                                    size_t         size);

/* Criticals and warnings abort: a g_return_if_fail() reached from a file
 * or an edit is a bug the fuzzer must report. */
void  mw_fuzz_init                 (void);

/* Returns @result once the graphs a load closes in the background are
 * closed: LeakSanitizer looks after each input, and would see a graph
 * half freed by the closing thread as leaked. */
int   mw_fuzz_finish               (int            result);

/* Aborts, naming the broken invariant, unless the indices are dense, the
 * lookup tables find every actor and tie, and each actor's adjacency lists
 * hold exactly its ties. */
void  mw_fuzz_check_invariants     (MwNetwork     *network);

/* Runs mw_network_check() and aborts unless every problem names actors
 * and ties that exist, with a readable message. */
void  mw_fuzz_check_problems       (MwNetwork     *network);

/* Saves @network as DOT and loads the text, which must load into the same
 * network; text DOT cannot hold as it is (see writable() in mw-dot-save.c)
 * may change once, and then the round trip must be exact. Saving the same
 * network twice must give the same bytes. */
void  mw_fuzz_check_round_trip     (MwNetwork     *network);

/* Aborts unless @a and @b are equal as mw_network_equal() sees them and
 * also have the same name, direction and default attributes. */
void  mw_fuzz_assert_same_network  (MwNetwork     *a,
                                    MwNetwork     *b,
                                    const char    *what);

/* Aborts unless a failed load or import set an error, in UTF-8, that
 * starts with the file's name. */
void  mw_fuzz_check_error          (const GError  *error,
                                    const char    *source);

/* Invariants, problems and the DOT round trip of a loaded network. */
void  mw_fuzz_check_network        (MwNetwork     *network);

G_END_DECLS
