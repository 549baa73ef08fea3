/* mw-inspector.c: the sidebar that edits the selected actors or tie
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-inspector"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mw-a11y.h"
#include "mw-actor-measures.h"
#include "mw-entry-row.h"
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
  MwEntryRow     *label_row;
  AdwComboRow    *kind_row;
  MwEntryRow     *org_row;
  MwEntryRow     *unit_row;
  GMenu          *org_menu;
  GMenu          *unit_menu;
  GtkCheckButton *purpose_check;
  GtkCheckButton *initiative_check;
  GtkCheckButton *pinned_check;
  GtkTextView    *notes_view;
  AdwComboRow    *type_row;
  AdwActionRow   *direction_row;
  AdwActionRow   *weight_row;
  GtkSpinButton  *weight_spin;
  GtkWidget      *org_mixed;
  GtkWidget      *unit_mixed;
  AdwPreferencesGroup *notes_group;
  AdwPreferencesGroup *tie_group;
  AdwPreferencesGroup *measures_group;
  AdwActionRow   *degree_row;
  AdwActionRow   *betweenness_row;
  AdwActionRow   *constraint_row;
  AdwActionRow   *spanning_row;

  /* borrowed */
  MwCanvas       *canvas;

  MwActorMeasures *measures;          /* (nullable) of the network at measures_generation */
  MwNetwork      *measures_network;   /* (nullable) weak: only compared */
  guint64         measures_generation;

  gboolean        updating;
  gboolean        applying;
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

static void refresh (MwInspector *self);

/* One step for the whole selection: "Change Organisation". @text is copied
 * first: it often belongs to the entry, which each change would refresh. */
static void
apply_to_actors (MwInspector *self,
                 const char  *name,
                 Field        field,
                 const char  *text,
                 guint        number)
{
  g_autoptr(GPtrArray) actors = NULL;
  g_autofree char *value = g_strdup (text);
  MwHistory *history;
  MwEdit *edit;

  g_assert (MW_IS_INSPECTOR (self));

  if (self->updating || self->applying || self->canvas == NULL)
    return;

  history = mw_canvas_get_history (self->canvas);
  if (mw_history_is_editing (history))
    return;

  actors = mw_canvas_get_selected_actors (self->canvas);
  if (actors->len == 0)
    return;

  /* The fields show the result once, after the whole step. */
  self->applying = TRUE;
  edit = mw_history_begin (history, name);
  for (guint i = 0; i < actors->len; i++)
    {
      mw_edit_touch_actor (edit, g_ptr_array_index (actors, i));
      set_actor_field (get_network (self), g_ptr_array_index (actors, i), field, value, number);
    }
  mw_history_commit (history, edit);
  self->applying = FALSE;
  refresh (self);
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
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (selected != GTK_INVALID_LIST_POSITION)
    apply_to_actors (self, _("Change Kind"), FIELD_KIND, NULL, selected);
}

/* A click on a mixed (inconsistent) check sets it for all. */
static gboolean
check_value (MwInspector    *self,
             GtkCheckButton *check)
{
  if (!self->updating)
    gtk_check_button_set_inconsistent (check, FALSE);
  return gtk_check_button_get_active (check);
}

static void
purpose_cb (MwInspector *self)
{
  apply_to_actors (self, _("Change Shared Purpose"), FIELD_PURPOSE, NULL,
                   check_value (self, self->purpose_check));
}

static void
initiative_cb (MwInspector *self)
{
  apply_to_actors (self, _("Change Initiative"), FIELD_INITIATIVE, NULL,
                   check_value (self, self->initiative_check));
}

static void
pinned_cb (MwInspector *self)
{
  gboolean pinned = check_value (self, self->pinned_check);

  apply_to_actors (self, pinned ? _("Pin") : _("Unpin"), FIELD_PINNED, NULL, pinned);
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

typedef enum
{
  TIE_TYPE,
  TIE_WEIGHT,
  TIE_REVERSE,
} TieField;

/* One step for every selected tie, as for actors. */
static void
apply_to_ties (MwInspector *self,
               const char  *name,
               TieField     field,
               MwTieType    type,
               double       weight)
{
  g_autoptr(GPtrArray) ties = NULL;
  MwNetwork *network;
  MwHistory *history;
  MwEdit *edit;

  g_assert (MW_IS_INSPECTOR (self));

  if (self->updating || self->applying || self->canvas == NULL)
    return;

  history = mw_canvas_get_history (self->canvas);
  if (mw_history_is_editing (history))
    return;

  ties = mw_canvas_get_selected_ties (self->canvas);
  if (ties->len == 0)
    return;

  network = get_network (self);
  self->applying = TRUE;
  edit = mw_history_begin (history, name);
  for (guint i = 0; i < ties->len; i++)
    {
      MwTie *tie = g_ptr_array_index (ties, i);

      mw_edit_touch_tie (edit, tie);
      if (field == TIE_TYPE)
        mw_network_set_tie_type (network, tie, type);
      else if (field == TIE_WEIGHT)
        mw_network_set_tie_weight (network, tie, weight);
      else
        mw_network_set_tie_endpoints (network, tie, tie->to, tie->from);
    }
  mw_history_commit (history, edit);
  self->applying = FALSE;
  refresh (self);
}

static void
type_selected_cb (MwInspector *self)
{
  guint selected = adw_combo_row_get_selected (self->type_row);

  /* A mixed selection shows no type: that is not a choice to apply. */
  if (selected != GTK_INVALID_LIST_POSITION)
    apply_to_ties (self, _("Change Tie Type"), TIE_TYPE, selected, 0);
}

static void
weight_cb (MwInspector *self)
{
  apply_to_ties (self, _("Change Weight"), TIE_WEIGHT, 0, gtk_spin_button_get_value (self->weight_spin));
}

static void
reverse_cb (MwInspector *self)
{
  if (self->canvas != NULL && selected_tie (self) != NULL)
    apply_to_ties (self, _("Reverse Tie"), TIE_REVERSE, 0, 0);
}

/* The value all @actors share, or %NULL when they differ. */
static const char *
shared_string (GPtrArray *actors,
               gsize      offset)
{
  const char *first = G_STRUCT_MEMBER (char *, g_ptr_array_index (actors, 0), offset);

  for (guint i = 1; i < actors->len; i++)
    if (g_strcmp0 (first, G_STRUCT_MEMBER (char *, g_ptr_array_index (actors, i), offset)) != 0)
      return NULL;

  return first != NULL ? first : "";
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

/* Checked for all, unchecked for none, inconsistent for some. */
static void
show_check (GtkCheckButton *check,
            guint           n_set,
            guint           n_all)
{
  gtk_check_button_set_active (check, n_set == n_all);
  gtk_check_button_set_inconsistent (check, n_set != 0 && n_set != n_all);
}

/* A mixed value shows empty, marked "Mixed". */
static void
show_text (MwEntryRow  *row,
           GtkWidget   *mixed,
           GPtrArray   *actors,
           gsize        offset)
{
  const char *value = shared_string (actors, offset);

  gtk_widget_set_visible (mixed, value == NULL);
  mw_entry_row_show_text (row, value != NULL ? value : "");
}

static void
show_actors (MwInspector *self,
             GPtrArray   *actors)
{
  MwActor *first = g_ptr_array_index (actors, 0);
  guint n_purpose = 0, n_initiative = 0, n_pinned = 0;
  gboolean same_kind = TRUE;
  const char *notes;
  g_auto(GStrv) orgs = mw_network_list_orgs (get_network (self));
  g_auto(GStrv) units = mw_network_list_units (get_network (self));
  g_autofree char *title = NULL;

  for (guint i = 0; i < actors->len; i++)
    {
      MwActor *actor = g_ptr_array_index (actors, i);

      n_purpose += actor->purpose != FALSE;
      n_initiative += actor->initiative != FALSE;
      n_pinned += actor->pinned != FALSE;
      same_kind &= actor->kind == first->kind;
    }

  title = actors->len == 1 ? g_strdup (_("Actor"))
                           : g_strdup_printf (ngettext ("%u Actor", "%u Actors", actors->len), actors->len);
  adw_preferences_group_set_title (self->actor_group, title);

  /* Names stay one per actor: a shared name is never what a user means. */
  mw_entry_row_show_text (self->label_row, actors->len == 1 ? first->label : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->label_row), actors->len == 1);

  adw_combo_row_set_selected (self->kind_row, same_kind ? first->kind : GTK_INVALID_LIST_POSITION);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), same_kind ? NULL : _("Mixed"));
  show_text (self->org_row, self->org_mixed, actors, G_STRUCT_OFFSET (MwActor, org));
  show_text (self->unit_row, self->unit_mixed, actors, G_STRUCT_OFFSET (MwActor, unit));
  show_check (self->purpose_check, n_purpose, actors->len);
  show_check (self->initiative_check, n_initiative, actors->len);
  show_check (self->pinned_check, n_pinned, actors->len);
  fill_menu (self->org_menu, orgs, "inspector.set-org");
  fill_menu (self->unit_menu, units, "inspector.set-unit");

  notes = shared_string (actors, G_STRUCT_OFFSET (MwActor, notes));
  adw_preferences_group_set_description (self->notes_group,
                                         notes == NULL ? _("Mixed: what you type replaces the notes of all of them") : NULL);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->notes_view)))
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes != NULL ? notes : "", -1);
      self->notes_dirty = FALSE;
    }
}

/* Above this, measuring on a selection would hold up the window: the
 * measures are in `meshwork-cli table --actors` (bench-measures). */
#define MEASURES_MAX_ACTORS 3000

/* One actor's measures (mw-actor-measures.h), kept until the network changes. */
static void
show_measures (MwInspector *self,
               GPtrArray   *actors)
{
  MwNetwork *network = get_network (self);
  MwActor *actor = g_ptr_array_index (actors, 0);
  g_autofree char *degree = NULL;
  g_autofree char *betweenness = NULL;
  g_autofree char *constraint = NULL;
  g_autofree char *spanning = NULL;
  double c;

  gtk_widget_set_visible (GTK_WIDGET (self->measures_group),
                          actors->len == 1 && mw_network_get_n_actors (network) <= MEASURES_MAX_ACTORS);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->measures_group)))
    return;

  if (self->measures == NULL || self->measures_network != network ||
      self->measures_generation != mw_network_get_generation (network))
    {
      g_clear_pointer (&self->measures, mw_actor_measures_free);
      self->measures = mw_actor_measures_compute (network, 0);
      self->measures_network = network;
      self->measures_generation = mw_network_get_generation (network);
    }

  degree = g_strdup_printf ("%u / %u", mw_actor_measures_degree (self->measures, actor->index, MW_N_TIE_TYPES, FALSE),
                            mw_actor_measures_degree (self->measures, actor->index, MW_N_TIE_TYPES, TRUE));
  betweenness = g_strdup_printf ("%.4f", mw_actor_measures_betweenness (self->measures, actor->index));
  c = mw_actor_measures_constraint (self->measures, actor->index);
  constraint = isnan (c) ? g_strdup ("—") : g_strdup_printf ("%.3f", c);
  spanning = g_strdup_printf ("%u", mw_actor_measures_boundary_spanning (self->measures, actor->index));
  adw_action_row_set_subtitle (self->degree_row, degree);
  adw_action_row_set_subtitle (self->betweenness_row, betweenness);
  adw_action_row_set_subtitle (self->constraint_row, constraint);
  adw_action_row_set_subtitle (self->spanning_row, spanning);
}

static void
show_ties (MwInspector *self,
           GPtrArray   *ties)
{
  MwTie *first = g_ptr_array_index (ties, 0);
  gboolean same_type = TRUE, same_weight = TRUE, any_directed = FALSE;
  g_autofree char *title = NULL;

  for (guint i = 0; i < ties->len; i++)
    {
      MwTie *tie = g_ptr_array_index (ties, i);

      same_type &= tie->type == first->type;
      same_weight &= tie->weight == first->weight;
      any_directed |= tie->type != MW_TIE_COLLABORATES;
    }

  title = ties->len == 1 ? g_strdup (_("Tie"))
                         : g_strdup_printf (ngettext ("%u Tie", "%u Ties", ties->len), ties->len);
  adw_preferences_group_set_title (self->tie_group, title);
  adw_combo_row_set_selected (self->type_row, same_type ? first->type : GTK_INVALID_LIST_POSITION);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->type_row), same_type ? NULL : _("Mixed"));
  gtk_spin_button_set_value (self->weight_spin, first->weight);
  adw_action_row_set_subtitle (self->weight_row, same_weight ? NULL : _("Mixed"));

  /* Collaboration runs both ways: it has no direction to show or reverse. */
  gtk_widget_set_visible (GTK_WIDGET (self->direction_row), ties->len == 1 && any_directed);
  if (ties->len == 1)
    {
      g_autofree char *direction = g_strdup_printf ("%s → %s", first->from->label, first->to->label);

      adw_action_row_set_subtitle (self->direction_row, direction);
    }
}

/* Re-reads the selection; notes being typed keep their text. */
static void
refresh (MwInspector *self)
{
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) ties = NULL;

  g_assert (MW_IS_INSPECTOR (self));

  if (self->canvas == NULL || self->applying)
    return;

  self->updating = TRUE;
  actors = mw_canvas_get_selected_actors (self->canvas);
  ties = mw_canvas_get_selected_ties (self->canvas);

  if (actors->len > 0)
    {
      show_actors (self, actors);
      show_measures (self, actors);
      gtk_stack_set_visible_child_name (self->stack, "actor");
    }
  else if (ties->len > 0)
    {
      show_ties (self, ties);
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
  g_clear_pointer (&self->measures, mw_actor_measures_free);

  G_OBJECT_CLASS (mw_inspector_parent_class)->dispose (object);
}

static void
mw_inspector_class_init (MwInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_inspector_dispose;

  g_type_ensure (MW_TYPE_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/meshwork/Meshwork/mw-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, MwInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, actor_group);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, label_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, org_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, unit_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, org_menu);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, unit_menu);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, purpose_check);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, initiative_check);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, pinned_check);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, org_mixed);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, unit_mixed);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, notes_group);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, tie_group);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, measures_group);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, degree_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, betweenness_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, constraint_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, spanning_row);
  gtk_widget_class_bind_template_child (widget_class, MwInspector, weight_row);
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

/* Name, Organisation and Unit start their fields at one edge. */
static void
line_up_entry_rows (MwInspector *self)
{
  g_autoptr(GtkSizeGroup) titles = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  MwEntryRow *rows[] = { self->label_row, self->org_row, self->unit_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_size_group_add_widget (titles, mw_entry_row_get_title_label (rows[i]));
}

static void
mw_inspector_init (MwInspector *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  line_up_entry_rows (self);
  mw_a11y_name_combo_row (self->kind_row);
  mw_a11y_name_combo_row (self->type_row);
  mw_a11y_name_scrollers (GTK_WIDGET (self), _("Selection"));

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
