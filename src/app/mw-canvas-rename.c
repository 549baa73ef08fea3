/* mw-canvas-rename.c: renaming an actor in place on the canvas
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns the popover with an entry that MwCanvas opens over the only
 * selected actor (F2, Return, a double click, a new actor), and the step
 * in the history that gives the actor its new name.
 */

#define G_LOG_DOMAIN "meshwork-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-canvas-private.h"

/* Gives the actor @actor_id the name @label, unless nothing changes. */
static void
apply_rename (MwCanvas   *self,
              const char *actor_id,
              const char *label)
{
  MwActor *actor = mw_network_lookup_actor (self->network, actor_id);
  MwEdit *edit;

  g_assert (MW_IS_CANVAS (self));

  if (actor == NULL || *label == '\0' || g_strcmp0 (label, actor->label) == 0 ||
      _mw_canvas_is_busy (self))
    return;

  edit = mw_history_begin (self->history, _("Rename Actor"));
  mw_edit_touch_actor (edit, actor);
  mw_network_set_actor_label (self->network, actor, label);
  mw_history_commit (self->history, edit);
}

static void
rename_activate_cb (MwCanvas *self,
                    GtkEntry *entry)
{
  g_assert (MW_IS_CANVAS (self));

  apply_rename (self, self->rename_id, gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
_mw_canvas_create_rename_popover (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));

  self->rename_entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->rename_entry), 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actor name"), -1);
  g_signal_connect_object (self->rename_entry, "activate",
                           G_CALLBACK (rename_activate_cb), self, G_CONNECT_SWAPPED);

  self->rename_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->rename_popover), self->rename_entry);
  gtk_popover_set_position (GTK_POPOVER (self->rename_popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->rename_popover, GTK_WIDGET (self));
}

/* A popover is a child of the canvas: it must be placed on each allocation. */
void
_mw_canvas_present_rename (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));

  if (self->rename_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->rename_popover));
}

void
_mw_canvas_popdown_rename (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));

  if (self->rename_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
}

/* Opens the name of the only selected actor for editing in place. */
void
mw_canvas_rename_selected (MwCanvas *self)
{
  g_autoptr(GPtrArray) actors = NULL;
  MwActor *actor;
  double mx, my, vx, vy, r;

  g_return_if_fail (MW_IS_CANVAS (self));

  actors = mw_canvas_get_selected_actors (self);
  if (actors->len != 1 || !self->editable)
    return;

  actor = g_ptr_array_index (actors, 0);
  _mw_canvas_reveal_actor (self, actor);
  _mw_canvas_actor_position (self, actor, &mx, &my);
  mw_view_from_model (&self->view, mx, my, &vx, &vy);
  r = mw_renderer_get_actor_radius (self->renderer, actor) * self->view.zoom;

  mw_set_str (&self->rename_id, actor->id);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), actor->label);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->rename_popover),
                               &(GdkRectangle) { vx - r, vy - r, 2 * r, 2 * r });
  gtk_popover_popup (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (self->rename_entry);
}
