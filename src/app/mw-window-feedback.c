/* mw-window-feedback.c: what the window shows the user, for every other
 * part of it — the title, the canvas brought forward, an error, a toast.
 * The bottom of MwWindow: it calls no other part (see mw-window-private.h).
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-label.h"
#include "mw-window-private.h"

/* The message is kept for mw_window_get_last_error(). */
void
_mw_window_show_error (MwWindow   *self,
                       const char *heading,
                       GError     *error)
{
  GtkWidget *dialog;

  g_assert (MW_IS_WINDOW (self));

  g_free (self->last_error);
  self->last_error = g_strdup (error->message);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_mw_window_toast (MwWindow   *self,
                  const char *title)
{
  g_assert (MW_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
_mw_window_show_canvas (MwWindow *self)
{
  g_assert (MW_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->main_stack, "canvas");
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* The folder of @file from ~, or NULL. */
static char *
dup_folder (GFile *file)
{
  g_autoptr(GFile) parent = file != NULL ? g_file_get_parent (file) : NULL;
  g_autofree char *path = parent != NULL ? g_file_get_parse_name (parent) : NULL;
  const char *home = g_get_home_dir ();

  if (path == NULL || !g_str_has_prefix (path, home))
    return g_steal_pointer (&path);
  return g_strconcat ("~", path + strlen (home), NULL);
}

/* The header bar shows the file's name as the title, as every GNOME editor
 * does, and under it the network's own title (the graph's label) before
 * the folder from ~: what the network is called without covering any of
 * it, as a caption on the canvas would. The window's own title, for the
 * shell and the task switcher, carries the app's name. */
void
_mw_window_update_title (MwWindow *self)
{
  g_autofree char *title = mw_document_dup_title (self->document);
  g_autofree char *label = mw_network_dup_title (mw_document_get_network (self->document));
  g_autofree char *folder = dup_folder (mw_document_get_file (self->document));
  g_autofree char *shown = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  gboolean modified = mw_document_get_modified (self->document);

  g_assert (MW_IS_WINDOW (self));

  shown = modified ? g_strdup_printf ("• %s", title) : g_strdup (title);
  adw_window_title_set_title (self->window_title, shown);

  if (folder == NULL && modified)
    folder = g_strdup (_("Not saved"));
  if (label != NULL && folder != NULL)
    /* Translators: the header bar's subtitle: the network's title, then its folder */
    subtitle = g_strdup_printf (_("%s — %s"), label, folder);
  else
    subtitle = g_strdup (label != NULL ? label : folder);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");

  window_title = g_strdup_printf ("%s%s — %s", modified ? "*" : "", title, _("Meshwork"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}
