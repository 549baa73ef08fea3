/* mw-import-dialog-run.c: running the import the dialog was set up for
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import is checked on a copy of the network in a thread
 * (mw_csv_import_async()); the copy is laid out in a child process, with
 * the engine every import gets (mw_layout_engine_for_import()), and only
 * then does the document change, in one undoable step: the new actors and
 * ties in their places, beside what was already drawn. A fatal error
 * leaves the document as it was; closing the dialog cancels it all.
 */

#define G_LOG_DOMAIN "meshwork-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-import-dialog-private.h"
#include "mw-csv.h"
#include "mw-layout.h"

/* Between the drawing and the imported org chart placed beside it, in points. */
#define BESIDE_GAP 160.0

/* Nobody was placed by hand in the new part: where the layout could not
 * run, each new actor goes next to its neighbours. */
static void
place_unplaced (MwEdit    *edit,
                MwNetwork *network)
{
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      double x, y;

      if (actor->has_position)
        continue;
      mw_layout_place_new_actor (network, actor, &x, &y);
      mw_edit_move_actor (edit, actor, x, y);
    }
}

/* What was placed before keeps its place (an import is no reason to undo
 * someone's arrangement): the newcomers' org chart goes beside it as one
 * block, top-aligned. Into a network with nothing placed, all is laid out. */
static void
keep_old_places (MwNetwork  *network,
                 GHashTable *positions)
{
  double old_right = -G_MAXDOUBLE, old_top = G_MAXDOUBLE;
  double new_left = G_MAXDOUBLE, new_top = G_MAXDOUBLE;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      if (actor->has_position)
        {
          old_right = MAX (old_right, actor->x);
          old_top = MIN (old_top, actor->y);
        }
    }
  if (old_right == -G_MAXDOUBLE)
    return;

  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const MwLayoutPoint *point = value;

      if (mw_network_lookup_actor (network, key) != NULL)
        g_hash_table_iter_remove (&iter);
      else
        {
          new_left = MIN (new_left, point->x);
          new_top = MIN (new_top, point->y);
        }
    }

  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      MwLayoutPoint *point = value;

      point->x += old_right + BESIDE_GAP - new_left;
      point->y += old_top - new_top;
    }
}

/* The one step: the new actors and ties, and where they go. */
static void
commit_import (MwImportDialog *self,
               MwNetwork      *imported,
               GHashTable     *positions)
{
  MwHistory *history = mw_document_get_history (self->document);
  MwNetwork *network = mw_document_get_network (self->document);
  GHashTableIter iter;
  gpointer key, value;
  MwEdit *edit;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  if (network != self->target || mw_history_is_editing (history))
    {
      _mw_import_dialog_show_error (self, _("Could Not Import"),
                                    _("The network changed while the import was being prepared. Try again."));
      return;
    }

  edit = mw_history_begin (history, _("Import"));
  if (positions != NULL)
    keep_old_places (network, positions);
  mw_edit_add_missing (edit, imported);
  if (positions != NULL)
    {
      g_hash_table_iter_init (&iter, positions);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          MwActor *actor = mw_network_lookup_actor (network, key);
          const MwLayoutPoint *point = value;

          if (actor != NULL)
            mw_edit_move_actor (edit, actor, point->x, point->y);
        }
    }
  place_unplaced (edit, network);
  mw_history_commit (history, edit);

  if (!self->main_survey)
    _mw_import_dialog_remember_mappings (self);
  _mw_import_dialog_emit_imported (self);
  gtk_window_close (GTK_WINDOW (self));
}

/* @positions: (nullable): where the layout put everyone */
static void
finish_import (MwImportDialog *self,
               MwNetwork      *imported,
               GHashTable     *positions)
{
  g_assert (MW_IS_IMPORT_DIALOG (self));

  commit_import (self, imported, positions);
  g_clear_pointer (&self->report, mw_import_report_free);
  g_clear_object (&self->target);
  _mw_import_dialog_update_busy (self);
}

static gboolean
has_placed_actors (MwNetwork *network)
{
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    if (mw_network_get_actor (network, i)->has_position)
      return TRUE;
  return FALSE;
}

static void
layout_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MwImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) positions = mw_layout_run_finish (result, &error);
  g_autoptr(MwNetwork) imported = g_steal_pointer (&self->imported);

  self->n_pending--;
  /* Cancel (or closing) drops the import, and the widgets may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A layout that failed is no reason to lose the import; the report says so. */
  if (error != NULL)
    {
      g_debug ("Could not lay out the import: %s", error->message);
      mw_set_str (&self->layout_error, error->message);
    }
  finish_import (self, imported, positions);
}

/* The checked copy is ready: lay it out (or not), then the one step. */
static void
take_imported (MwImportDialog *self,
               MwNetwork      *imported,
               MwImportReport *report)
{
  MwLayoutEngine engine;

  self->report = report;
  if (!self->importing_people && has_placed_actors (self->target))
    {
      /* Ties among people already drawn (a survey of them, say): an org
       * chart has nothing to say, each newcomer goes next to its neighbours. */
      self->n_pending--;
      finish_import (self, imported, NULL);
      return;
    }

  engine = mw_layout_engine_for_import (imported, self->importing_people);
  g_set_object (&self->imported, imported);
  mw_layout_run_async (imported, engine, 0, self->cancellable, layout_cb, g_object_ref (self));
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MwImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) imported = mw_csv_import_finish (result, &report, &error);

  if (imported == NULL)
    {
      self->n_pending--;
      g_clear_object (&self->target);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _mw_import_dialog_update_busy (self);
      _mw_import_dialog_show_error (self, _("Could Not Import"), error->message);
      return;
    }

  take_imported (self, imported, g_steal_pointer (&report));
}

/* A survey is a few hundred rows: checked on a copy at once, then laid
 * out in the child as any import. */
static void
import_survey (MwImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) imported = NULL;
  MwImportReport *report = NULL;

  g_set_object (&self->target, mw_document_get_network (self->document));
  imported = _mw_import_dialog_import_survey (self, self->target, &report, &error);
  if (imported == NULL)
    {
      g_clear_object (&self->target);
      _mw_import_dialog_show_error (self, _("Could Not Import"), error->message);
      return;
    }

  self->importing_people = FALSE;
  self->n_pending++;
  _mw_import_dialog_update_busy (self);
  take_imported (self, imported, report);
}

/* What the Import button does: check on a copy in a thread, lay the copy
 * out, then change the document in one step and close. */
void
mw_import_dialog_import (MwImportDialog *self)
{
  MwCsvTable *people, *ties;
  MwCsvImportOptions options;

  g_return_if_fail (MW_IS_IMPORT_DIALOG (self));

  if (!gtk_widget_get_sensitive (self->import_button))
    return;
  if (self->main_survey)
    {
      import_survey (self);
      return;
    }

  people = _mw_import_dialog_people_table (self);
  ties = _mw_import_dialog_ties_table (self);
  mw_csv_import_options_init (&options);
  /* an edge list alone adds the people it names, as Gephi and Kumu do;
   * the report lists them when the network already has people */
  options.create_missing_actors = people == NULL;

  g_set_object (&self->target, mw_document_get_network (self->document));
  self->importing_people = people != NULL;
  self->n_pending++;
  _mw_import_dialog_update_busy (self);
  mw_csv_import_async (self->target,
                       people, people != NULL ? &self->people_mapping : NULL,
                       ties, ties != NULL ? &self->ties_mapping : NULL,
                       &options, self->cancellable, imported_cb, g_object_ref (self));
}
