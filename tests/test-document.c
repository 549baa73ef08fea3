/* test-document.c: a document opens, saves and drafts in the right format
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "mw-document.h"
#include "mw-format.h"
#include "mw-test-core.h"

/* Saving keeps a backup (NAME~) and drafts an index: all of it goes. */
static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static void
load (MwDocument *document,
      const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mw_document_load_async (document, file, NULL, mw_test_store_result_cb, &result);
  g_assert_true (mw_document_load_finish (document, mw_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static char *
save (MwDocument *document,
      const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  mw_document_save_async (document, file, NULL, mw_test_store_result_cb, &result);
  g_assert_true (mw_document_save_finish (document, mw_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* A GraphML file opens whatever its name; it is saved as the name says. */
static void
test_formats (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "graphml", "cytoscape-export.graphml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-document-XXXXXX", NULL);
  g_autofree char *as_txt = g_build_filename (dir, "partners.txt", NULL);
  g_autofree char *as_graphml = g_build_filename (dir, "partners.GRAPHML", NULL);
  g_autofree char *as_gv = g_build_filename (dir, "partners.gv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(MwDocument) document = mw_document_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (fixture, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (as_txt, contents, length, &error);
  g_assert_no_error (error);

  load (document, as_txt);
  g_assert_cmpuint (mw_network_get_n_actors (mw_document_get_network (document)), ==, 2);

  saved = save (document, as_graphml);
  g_assert_cmpint (mw_format_sniff (saved, strlen (saved)), ==, MW_FORMAT_GRAPHML);
  g_clear_pointer (&saved, g_free);
  saved = save (document, as_gv);
  g_assert_cmpint (mw_format_sniff (saved, strlen (saved)), ==, MW_FORMAT_DOT);
  /* and a file saved with no format in its name is DOT */
  g_clear_pointer (&saved, g_free);
  saved = save (document, as_txt);
  g_assert_cmpint (mw_format_sniff (saved, strlen (saved)), ==, MW_FORMAT_DOT);

  remove_dir (dir);
}

/* The document's scorer is one per network, and follows a new network. */
static void
test_scorer (void)
{
  g_autoptr(MwDocument) document = mw_document_new ();
  g_autoptr(MwNetwork) network = mw_network_new ();
  MwScorer *first = mw_document_get_scorer (document);
  MwScorer *second;

  g_assert_true (MW_IS_SCORER (first));
  g_assert_true (mw_document_get_scorer (document) == first);
  g_assert_true (mw_scorer_get_network (first) == mw_document_get_network (document));

  g_assert_nonnull (mw_network_add_actor (network, "ada", "Ada", MW_ACTOR_PERSON, NULL));
  mw_document_replace_network (document, network, NULL, "Other");
  second = mw_document_get_scorer (document);
  g_assert_true (mw_scorer_get_network (second) == network);
  g_assert_nonnull (mw_scorer_get_scores (second));
}

/* The draft of a network opened from GraphML is DOT, and reads back. */
static void
test_graphml_draft (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "graphml", "cytoscape-export.graphml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-document-XXXXXX", NULL);
  g_autoptr(MwDrafts) drafts = mw_drafts_new (dir);
  g_autoptr(MwDocument) document = mw_document_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MwNetwork) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft_file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  MwHistory *history;
  MwEdit *edit;

  mw_document_set_drafts (document, drafts, 20);
  load (document, fixture);
  history = mw_document_get_history (document);
  edit = mw_history_begin (history, "Add Actor");
  g_assert_nonnull (mw_edit_add_actor (edit, "grace", "Grace", MW_ACTOR_PERSON, NULL));
  g_assert_true (mw_history_commit (history, edit));

  while (mw_draft_autosave_get_n_written (mw_document_get_autosave (document)) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (mw_drafts_wait (drafts, 5000));
  list = mw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, 1);

  name = g_strconcat (((MwDraft *)g_ptr_array_index (list, 0))->id, ".dot", NULL);
  draft_file = g_build_filename (dir, name, NULL);
  g_file_get_contents (draft_file, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mw_format_sniff (contents, strlen (contents)), ==, MW_FORMAT_DOT);

  restored = mw_drafts_load (drafts, g_ptr_array_index (list, 0), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_actors (restored), ==, 3);

  mw_document_discard_draft (document);
  g_assert_true (mw_drafts_wait (drafts, 5000));
  g_clear_object (&document);
  g_clear_object (&drafts);
  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/formats", test_formats);
  g_test_add_func ("/document/scorer", test_scorer);
  g_test_add_func ("/document/graphml-draft", test_graphml_draft);

  return g_test_run ();
}
