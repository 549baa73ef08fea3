/* mw-window-compare.c: Compare With — the window's compare mode, started
 * once the other network has loaded (by the files part's load record) and
 * stopped by the user or by another network coming into the window
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-window-private.h"

/* The actions follow compare mode: the top of the window listens to
 * notify::comparing, so this part need not know them. The property is
 * installed in mw-window.c, hence by name. */
static void
set_comparing (MwWindow *self,
               gboolean  comparing)
{
  g_assert (MW_IS_WINDOW (self));

  if (self->comparing == comparing)
    return;
  self->comparing = comparing;
  g_object_notify (G_OBJECT (self), "comparing");
}

/* The compare view borrows the canvas (with its zoom bar), so editing, the
 * shortcuts and the inspector keep working on it; stopping gives it back. */
void
_mw_window_stop_comparing (MwWindow *self)
{
  g_assert (MW_IS_WINDOW (self));

  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  if (!self->comparing)
    return;

  g_object_ref (self->canvas_overlay);
  mw_compare_view_set_live_child (self->compare_view, NULL);
  gtk_box_insert_child_after (self->canvas_box, self->canvas_overlay, NULL);
  g_object_unref (self->canvas_overlay);
  mw_compare_view_stop (self->compare_view);
  set_comparing (self, FALSE);
  _mw_window_show_canvas (self);
}

static void
start_comparing (MwWindow   *self,
                 MwDocument *other)
{
  g_autofree char *title = mw_document_dup_title (self->document);

  g_assert (MW_IS_WINDOW (self));

  /* A score explanation would hide the marks. */
  mw_score_panel_explain (self->score_panel, -1, -1);
  if (!self->comparing)
    {
      g_object_ref (self->canvas_overlay);
      gtk_box_remove (self->canvas_box, self->canvas_overlay);
      mw_compare_view_set_live_child (self->compare_view, self->canvas_overlay);
      g_object_unref (self->canvas_overlay);
    }
  mw_compare_view_start (self->compare_view, self->canvas, mw_score_panel_get_scorer (self->score_panel),
                         title, other);
  set_comparing (self, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "compare");
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
compare_load_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MwWindowLoad) load = user_data;
  MwWindow *self = load->window;

  if (!_mw_window_finish_load (self, load, result, _("Could Not Compare With “%s”")))
    return;

  g_clear_object (&self->compare_cancellable);
  start_comparing (self, load->document);
}

/**
 * mw_window_compare_with_file:
 *
 * Loads @file in the background and shows it beside this window's network,
 * with the scores of both and what differs; the network here stays
 * editable. A file that does not load says why and changes nothing.
 */
void
mw_window_compare_with_file (MwWindow *self,
                             GFile    *file)
{
  g_autoptr(MwDocument) other = NULL;
  MwWindowLoad *load;

  g_return_if_fail (MW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  self->compare_cancellable = g_cancellable_new ();

  other = mw_document_new ();
  load = _mw_window_load_new (self, other, file);
  self->n_pending++;
  mw_document_load_async (other, file, self->compare_cancellable, compare_load_cb, load);
}

/**
 * mw_window_get_compare_view:
 *
 * Returns: (transfer none): the compare view, shown or not
 */
GtkWidget *
mw_window_get_compare_view (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->compare_view);
}

/**
 * mw_window_get_comparing:
 *
 * Returns: whether the window is in compare mode; notify::comparing says
 *   when that changes
 */
gboolean
mw_window_get_comparing (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), FALSE);
  return self->comparing;
}
