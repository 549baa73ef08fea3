/* fuzz-graphml.c: GraphML bytes through the GraphML reader
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the bytes, the import either fails with an error that names the
 * file, or gives a network that keeps the model's invariants, whose
 * problems name what exists, and that survives a DOT round trip.
 */

#include "fuzz-common.h"
#include "mw-graphml.h"

#define GRAPHML_SOURCE "fuzz.graphml"

int
mw_fuzz_graphml (const uint8_t *bytes,
                 size_t         size)
{
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(MwNetwork) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  gsize length;

  network = mw_graphml_load_data ((const char *)bytes, size, GRAPHML_SOURCE, NULL, &error);
  if (network == NULL)
    {
      mw_fuzz_check_error (error, GRAPHML_SOURCE);
      return 0;
    }

  mw_fuzz_check_network (network);

  /* what Meshwork writes, Meshwork reads back */
  saved = mw_graphml_save_data (network, &length);
  again = mw_graphml_load_data (saved, length, "saved.graphml", NULL, &error);
  if (again == NULL)
    g_error ("a GraphML file Meshwork wrote does not load: %s", error->message);
  if (mw_network_get_n_actors (again) != mw_network_get_n_actors (network) ||
      mw_network_get_n_ties (again) != mw_network_get_n_ties (network))
    g_error ("the GraphML round trip changed the counts");

  return 0;
}

#ifndef MW_FUZZ_NO_MAIN
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  mw_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return mw_fuzz_finish (mw_fuzz_graphml (data, size));
}
#endif
