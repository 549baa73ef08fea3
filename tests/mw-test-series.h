/* mw-test-series.h: a series of five snapshots, an organisation growing from a pyramid into a network
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MW_TEST_SERIES_N_SNAPSHOTS 5

/* Writes snapshot-1.gv … snapshot-5.gv and growth.mwseries into @folder
 * and returns the series file's path. The first two have no `purpose`
 * marks, so global purpose is not measurable there; the fourth has its
 * date only as a `date` graph attribute, the fifth none at all. */
char *mw_test_write_series (const char *folder);

G_END_DECLS
