/* mw-inspector.c: the sidebar that edits the selected actors or tie
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-inspector"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mw-inspector.h"

typedef enum
{
  FIELD_LABEL,
  FIELD_KIND,
  FIELD_ORG,
  FIELD_UNIT,
  FIELD_NOTES,
  FIELD_PURPOSE,
  FIELD_INITIATIVE,
  FIELD_PINNED,
} Field;

struct _MwInspector
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkStack       *stack;
  AdwPreferencesGroup *actor_group;
  AdwEntryRow    *label_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *org_row;
  AdwEntryRow    *unit_row;
  GMenu          *org_menu;
  GMenu          *unit_menu;
  GtkSwitch      *purpose_switch;
  GtkSwitch      *initiative_switch;
  GtkSwitch      *pinned_switch;
  GtkTextView    *notes_view;
  AdwComboRow    *type_row;
  AdwActionRow   *direction_row;
  GtkSpinButton  *weight_spin;

  /* borrowed */
  MwCanvas       *canvas;

  gboolean        updating;
  gboolean        notes_dirty;
};

G_DEFINE_FINAL_TYPE (MwInspector, mw_inspector, GTK_TYPE_WIDGET)

static MwNetwork *
get_network (MwInspector *self)
{
  return mw_history_get_network (mw_canvas_get_history (self->canvas));
}

static void
set_actor_field (MwNetwork  *network,
                 MwActor    *actor,
                 Field       field,
                 const char *text,
                 guint       number)
{
  switch (field)
    {
    case FIELD_LABEL:      if (*text != '\0') mw_network_set_actor_label (network, actor, text); break;
    case FIELD_KIND:       mw_network_set_actor_kind (network, actor, number); break;
    case FIELD_ORG:        mw_network_set_actor_org (network, actor, text); break;
    case FIELD_UNIT:       mw_network_set_actor_unit (network, actor, text); break;
    case FIELD_NOTES:      mw_network_set_actor_notes (network, actor, text); break;
    case FIELD_PURPOSE:    mw_network_set_actor_purpose (network, actor, number); break;
    case FIELD_INITIATIVE: mw_network_set_actor_initiative (network, actor, number); break;
    case FIELD_PINNED:     mw_network_set_actor_pinned (network, actor, number); break;
    default:               g_assert_not_reached ();
    }
}

/* One step for the whole selection: "Change Organisation". */
static void
apply_to_actors (MwInspector *self,
                 const char  *name,
                 Field        field,
                 const char  *text,
                 guint        number)
{
  g_autoptr(GPtrArray) actors = NULL;
  MwHistory *history;
  MwEdit *edit;

  g_assert (MW_IS_INSPECTOR (self));

  if (self->updating || self->canvas == NULL)
    return;

  history = mw_canvas_get_history (self->canvas);
  if (mw_history_is_editing (history))
    return;

  actors = mw_canvas_get_selected_actors (self->canvas);
  edit = mw_history_begin (history, name);
  for (guint i = 0; i < actors->len; i++)
    {
      mw_edit_touch_actor (edit, g_ptr_array_index (actors, i));
      set_actor_field (get_network (self), g_ptr_array_index (actors, i), field, text, number);
    }
  mw_history_commit (history, edit);
}

static void
label_apply_cb (MwInspector *self)
{
  apply_to_actors (self, _("Rename Actor"), FIELD_LABEL,
                   gtk_editable_get_text (GTK_EDITABLE (self->label_row)), 0);
}

static void
org_apply_cb (MwInspector *self)
{
  apply_to_actors (self, _("Change Organisation"), FIELD_ORG,
                   gtk_editable_get_text (GTK_EDITABLE (self->org_row)), 0);
}

static void
unit_apply_cb (MwInspector *self)
{
  apply_to_actors (self, _("Change Unit"), FIELD_UNIT,
                   gtk_editable_get_text (GTK_EDITABLE (self->unit_row)), 0);
}

static void
kind_selected_cb (MwInspector *self)
{
  apply_to_actors (self, _("Change Kind"), FIELD_KIND, NULL,
                   adw_combo_row_get_selected (self->kind_row));
}

static void
purpose_cb (MwInspector *self)
{
  apply_to_actors (self, _("Change Shared Purpose"), FIELD_PURPOSE, NULL,
                   gtk_switch_get_active (self->purpose_switch));
}

static void
initiative_cb (MwInspector *self)
{
  apply_to_actors (self, _("Change Initiative"), FIELD_INITIATIVE, NULL,
                   gtk_switch_get_active (self->initiative_switch));
}

static void
pinned_cb (MwInspector *self)
{
  apply_to_actors (self, gtk_switch_get_active (self->pinned_switch) ? _("Pin") : _("Unpin"),
                   FIELD_PINNED, NULL, gtk_switch_get_active (self->pinned_switch));
}

static void
notes_changed_cb (MwInspector *self)
{
  if (!self->updating)
    self->notes_dirty = TRUE;
}

/* Notes are applied when the text view loses focus, as one step. */
static void
notes_leave_cb (MwInspector *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!self->notes_dirty)
    return;

  self->notes_dirty = FALSE;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  apply_to_actors (self, _("Change Notes"), FIELD_NOTES, text, 0);
}

static MwTie *
selected_tie (MwInspector *self)
{
  g_autoptr(GPtrArray) ties = mw_canvas_get_selected_ties (self->canvas);

  return ties->len == 1 ? g_ptr_array_index (ties, 0) : NULL;
}

static void
tie_edit (MwInspector *self,
          const char  *name,
          MwTieType    type,
          double       weight,
          gboolean     reverse)
{
  MwHistory *history;
  MwTie *tie;
  MwEdit *edit;

  g_assert (MW_IS_INSPECTOR (self));

  if (self->updating || self->canvas == NULL || (tie = selected_tie (self)) == NULL)
    return;

  history = mw_canvas_get_history (self->canvas);
  if (mw_history_is_editing (history))
    return;

  edit = mw_history_begin (history, name);
  mw_edit_touch_tie (edit, tie);
  mw_network_set_tie_type (get_network (self), tie, type);
  mw_network_set_tie_weight (get_network (self), tie, weight);
  if (reverse)
    mw_network_set_tie_endpoints (get_network (self), tie, tie->to, tie->from);
  mw_history_commit (history, edit);
}

static void
type_selected_cb (MwInspector *self)
{
  MwTie *tie = self->canvas != NULL ? selected_tie (self) : NULL;

  if (tie != NULL)
    tie_edit (self, _("Change Tie Type"), adw_combo_row_get_selected (self->type_row), tie->weight, FALSE);
}

static void
weight_cb (MwInspector *self)
{
  MwTie *tie = self->canvas != NULL ? selected_tie (self) : NULL;

  if (tie != NULL)
    tie_edit (self, _("Change Weight"), tie->type, gtk_spin_button_get_value (self->weight_spin), FALSE);
}

static void
reverse_cb (MwInspector *self)
{
  MwTie *tie = self->canvas != NULL ? selected_tie (self) : NULL;

  if (tie != NULL)
    tie_edit (self, _("Reverse Tie"), tie->type, tie->weight, TRUE);
}

/* The value all @actors share, or "" when they differ. */
static const char *
shared_string (GPtrArray *actors,
               gsize      offset)
{
  const char *first = G_STRUCT_MEMBER (char *, g_ptr_array_index (actors, 0), offset);

  for (guint i = 1; i < actors->len; i++)
    if (g_strcmp0 (first, G_STRUCT_MEMBER (char *, g_ptr_array_index (actors, i), offset)) != 0)
      return "";

  return first;
}

static void
fill_menu (GMenu       *menu,
           GStrv        values,
           const char  *action)
{
  g_menu_remove_all (menu);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (values[i], NULL);

      g_menu_item_set_action_and_target (item, action, "s", values[i]);
      g_menu_append_item (menu, item);
    }
}

static void
show_actors (MwInspector *self,
             GPtrArray   *actors)
{
  MwActor *first = g_ptr_array_index (actors, 0);
  gboolean all_purpose = TRUE, all_initiative = TRUE, all_pinned = TRUE, same_kind = TRUE;
  g_auto(GStrv) orgs = mw_network_list_orgs (get_network (self));
  g_auto(GStrv) units = mw_network_list_units (get_network (self));
  g_autofree char *title = NULL;

  for (guint i = 0; i < actors->len; i++)
    {
      MwActor *actor = g_ptr_array_index (actors, i);

      all_purpose &= actor->purpose;
      all_initiative &= actor->initiative;
      all_pinned &= actor->pinned;
      same_kind &= actor->kind == first->kind;
    }

  title = actors->len == 1 ? g_strdup (_("Actor"))
                           : g_strdup_printf (ngettext ("%u Actor", "%u Actors", actors->len), actors->len);
  adw_preferences_group_set_title (self->actor_group, title);
  gtk_editable_set_text (GTK_EDITABLE (self->label_row),
                         shared_string (actors, G_STRUCT_OFFSET (MwActor, label)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->label_row), actors->len == 1);
  adw_combo_row_set_selected (self->kind_row, same_kind ? first->kind : GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (GTK_EDITABLE (self->org_row), shared_string (actors, G_STRUCT_OFFSET (MwActor, org)));
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), shared_string (actors, G_STRUCT_OFFSET (MwActor, unit)));
  gtk_switch_set_active (self->purpose_switch, all_purpose);
  gtk_switch_set_active (self->initiative_switch, all_initiative);
  gtk_switch_set_active (self->pinned_switch, all_pinned);
  fill_menu (self->org_menu, orgs, "inspector.set-org");
  fill_menu (self->unit_menu, units, "inspector.set-unit");

  if (!gtk_widget_has_focus (GTK_WIDGET (self->notes_view)))
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                                shared_string (actors, G_STRUCT_OFFSET (MwActor, notes)), -1);
      self->notes_dirty = FALSE;
    }
}

static void
show_tie (MwInspector *self,
          MwTie       *tie)
{
  g_autofree char *direction = g_strdup_printf ("%s → %s", tie->from->label, tie->to->label);

  adw_combo_row_set_selected (self->type_row, tie->type);
  adw_action_row_set_subtitle (self->direction_row, direction);
  gtk_spin_button_set_value (self->weight_spin, tie->weight);
}

/* Re-reads the selection; entries being typed in keep their text. */
static void
refresh (MwInspector *self)
{
  g_autoptr(GPtrArray) actors = NULL;
  MwTie *tie;

  g_assert (MW_IS_INSPECTOR (self));

  if (self->canvas == NULL)
    return;

  self->updating = TRUE;
  actors = mw_canvas_get_selected_actors (self->canvas);
  tie = selected_tie (self);

  if (actors->len > 0)
    {
      show_actors (self, actors);
      gtk_stack_set_visible_child_name (self->stack, "actor");
    }
  else if (tie != NULL)
    {
      show_tie (self, tie);
      gtk_stack_set_visible_child_name (self->stack, "tie");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
  self->updating = FALSE;
}

static void
set_value_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  MwInspector *self = MW_INSPECTOR (widget);
  const char *value = g_variant_get_string (param, NULL);

  if (g_str_equal (name, "inspector.set-org"))
    apply_to_actors (self, _("Change Organisation"), FIELD_ORG, value, 0);
  else
    apply_to_actors (self, _("Change Unit"), FIELD_UNIT, value, 0);
}

static void
mw_inspector_dispose (GObject *object)
{
  MwInspector *self = (MwInspector *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MW_TYPE_INSPECTOR);
  self->canvas = NULL;

  G_OBJECT_CLASS (mw_inspector_parent_class)->dispose (object);
}

static void
mw_inspector_class_init (MwInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_inspector_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/meshwork/Meshwork/mw-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, MwInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, actor_group);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, label_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, org_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, unit_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, org_menu);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, unit_menu);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, purpose_switch);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, initiative_switch);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, pinned_switch);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, notes_view);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, type_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, direction_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, weight_spin);
  gtk_widget_class_bind_template_callback (widget_class, label_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, org_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, purpose_cb);
  gtk_widget_class_bind_template_callback (widget_class, initiative_cb);
  gtk_widget_class_bind_template_callback (widget_class, pinned_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, weight_cb);
  gtk_widget_class_bind_template_callback (widget_class, reverse_cb);

  gtk_widget_class_install_action (widget_class, "inspector.set-org", "s", set_value_action);
  gtk_widget_class_install_action (widget_class, "inspector.set-unit", "s", set_value_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mwinspector");
}

static void
mw_inspector_init (MwInspector *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (notes_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);
}

/* The inspector edits what @canvas has selected, through its history. */
void
mw_inspector_set_canvas (MwInspector *self,
                         MwCanvas    *canvas)
{
  g_return_if_fail (MW_IS_INSPECTOR (self));
  g_return_if_fail (MW_IS_CANVAS (canvas));

  self->canvas = canvas;
  g_signal_connect_object (canvas, "selection-changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}
