/* mw-interpret-dialog.c: the Interpret dialog, what a foreign network means
 *
 * The choices become an MwInterpretPlan (core/model/mw-interpret.h), whose
 * preview is shown as they change; Apply is one undo step.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "mw-a11y.h"
#include "mw-entry-row.h"
#include "mw-interpret.h"
#include "mw-interpret-dialog.h"

/* The rows' first entries; attribute names follow them. */
enum { TIES_FROM_ATTRIBUTE = MW_N_TIE_TYPES };
enum { KINDS_FROM_ATTRIBUTE = MW_N_ACTOR_KINDS };
enum { ORG_AS_LOADED, ORG_NONE, ORG_OWN_NAME, ORG_FIRST_ATTRIBUTE };
enum { UNIT_AS_LOADED, UNIT_NONE, UNIT_FIRST_ATTRIBUTE };
enum { WEIGHT_AS_LOADED, WEIGHT_NONE, WEIGHT_FIRST_ATTRIBUTE };

struct _MwInterpretDialog
{
  AdwWindow    parent_instance;

  AdwComboRow *tie_row;
  AdwComboRow *tie_attr_row;
  MwEntryRow  *tie_map_row;
  AdwComboRow *kind_row;
  AdwComboRow *kind_attr_row;
  MwEntryRow  *kind_map_row;
  AdwComboRow *org_row;
  AdwComboRow *unit_row;
  AdwComboRow *weight_row;
  GtkLabel    *preview_label;
  GtkWidget   *apply_button;

  MwDocument  *document;
  GStrv        actor_attrs;
  GStrv        tie_attrs;
};

G_DEFINE_FINAL_TYPE (MwInterpretDialog, mw_interpret_dialog, ADW_TYPE_WINDOW)

/* Tie types and actor kinds as the dialog names them. */
static const char * const tie_titles[] = {
  N_("Reports (the formal line)"), N_("Collaborates"), N_("Influences"), N_("Checks (peer oversight)"),
};
static const char * const kind_titles[] = { N_("People"), N_("Teams"), N_("Organisations") };

static void
fill_row (AdwComboRow        *row,
          const char * const *titles,
          guint               n_titles,
          const char * const *attrs)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_titles; i++)
    gtk_string_list_append (list, _(titles[i]));
  for (guint i = 0; attrs != NULL && attrs[i] != NULL; i++)
    gtk_string_list_append (list, attrs[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

static const char *
attr_at (const char * const *attrs,
         guint               position,
         guint               first)
{
  if (position < first || attrs == NULL || position - first >= g_strv_length ((GStrv) attrs))
    return NULL;
  return attrs[position - first];
}

/* "ATTR" or "ATTR:MAPPING" as the plan parses it. */
static char *
spec_for (const char  *attr,
          MwEntryRow  *map_row)
{
  const char *mapping = gtk_editable_get_text (GTK_EDITABLE (map_row));

  if (*mapping == '\0')
    return g_strdup (attr);
  return g_strconcat (attr, ":", mapping, NULL);
}

static void
set_source (MwInterpretSource *source,
            char             **attr,
            guint              position,
            guint              none,
            guint              first,
            const char * const *attrs)
{
  const char *name = attr_at (attrs, position, first);

  if (position == none)
    *source = MW_INTERPRET_NONE;
  else if (name != NULL)
    {
      *source = MW_INTERPRET_ATTRIBUTE;
      *attr = g_strdup (name);
    }
}

static gboolean
set_ties (MwInterpretDialog *self,
          MwInterpretPlan   *plan,
          GError           **error)
{
  guint position = adw_combo_row_get_selected (self->tie_row);
  const char *attr = attr_at ((const char * const *) self->tie_attrs,
                              adw_combo_row_get_selected (self->tie_attr_row), 0);
  g_autofree char *spec = NULL;

  if (position < MW_N_TIE_TYPES)
    {
      plan->ties = MW_INTERPRET_ALL;
      plan->tie_type = position;
      return TRUE;
    }
  if (attr == NULL)
    return TRUE;
  spec = spec_for (attr, self->tie_map_row);
  return mw_interpret_plan_set_ties_from (plan, spec, error);
}

static gboolean
set_kinds (MwInterpretDialog *self,
           MwInterpretPlan   *plan,
           GError           **error)
{
  guint position = adw_combo_row_get_selected (self->kind_row);
  const char *attr = attr_at ((const char * const *) self->actor_attrs,
                              adw_combo_row_get_selected (self->kind_attr_row), 0);
  g_autofree char *spec = NULL;

  if (position < MW_N_ACTOR_KINDS)
    {
      plan->kinds = MW_INTERPRET_ALL;
      plan->kind = position;
      return TRUE;
    }
  if (attr == NULL)
    return TRUE;
  spec = spec_for (attr, self->kind_map_row);
  return mw_interpret_plan_set_kinds_from (plan, spec, error);
}

/* The plan the rows say, or NULL with @error when a mapping is malformed. */
static MwInterpretPlan *
build_plan (MwInterpretDialog *self,
            GError           **error)
{
  g_autoptr(MwInterpretPlan) plan = mw_interpret_plan_new ();
  const char * const *actor_attrs = (const char * const *) self->actor_attrs;
  guint org = adw_combo_row_get_selected (self->org_row);

  if (!set_ties (self, plan, error) || !set_kinds (self, plan, error))
    return NULL;

  if (org == ORG_OWN_NAME)
    {
      plan->org = MW_INTERPRET_ATTRIBUTE;
      plan->org_attr = g_strdup ("label");
    }
  else
    set_source (&plan->org, &plan->org_attr, org, ORG_NONE, ORG_FIRST_ATTRIBUTE, actor_attrs);
  set_source (&plan->unit, &plan->unit_attr, adw_combo_row_get_selected (self->unit_row),
              UNIT_NONE, UNIT_FIRST_ATTRIBUTE, actor_attrs);
  set_source (&plan->weight, &plan->weight_attr, adw_combo_row_get_selected (self->weight_row),
              WEIGHT_NONE, WEIGHT_FIRST_ATTRIBUTE, (const char * const *) self->tie_attrs);

  return g_steal_pointer (&plan);
}

static char *
describe_preview (const MwInterpretPreview *preview)
{
  GString *text = g_string_new (NULL);

  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    if (preview->n_ties[t] > 0)
      {
        /* Translators: a count of ties or actors in the preview, "186 × collaborates" */
        g_string_append_printf (text, _("%u × %s"), preview->n_ties[t], mw_tie_type_to_string (t));
        g_string_append (text, "   ");
      }
  g_string_append_c (text, '\n');
  for (guint k = 0; k < MW_N_ACTOR_KINDS; k++)
    if (preview->n_kinds[k] > 0)
      {
        g_string_append_printf (text, _("%u × %s"), preview->n_kinds[k], mw_actor_kind_to_string (k));
        g_string_append (text, "   ");
      }
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Organisations: %u, units: %u, weighted ties: %u"),
                          preview->n_orgs, preview->n_units, preview->n_weighted);
  if (preview->n_merged > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u tie one way and back becomes one collaboration",
                                              "%u ties one way and back become one collaboration each",
                                              preview->n_merged), preview->n_merged);
    }

  return g_string_free (text, FALSE);
}

static void
update_preview (MwInterpretDialog *self)
{
  MwNetwork *network = mw_document_get_network (self->document);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwInterpretPlan) plan = NULL;
  g_autoptr(MwInterpretPreview) preview = NULL;
  g_autofree char *text = NULL;
  gboolean from_tie_attr = adw_combo_row_get_selected (self->tie_row) == TIES_FROM_ATTRIBUTE;
  gboolean from_kind_attr = adw_combo_row_get_selected (self->kind_row) == KINDS_FROM_ATTRIBUTE;

  gtk_widget_set_visible (GTK_WIDGET (self->tie_attr_row), from_tie_attr);
  gtk_widget_set_visible (GTK_WIDGET (self->tie_map_row), from_tie_attr);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_attr_row), from_kind_attr);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_map_row), from_kind_attr);

  plan = build_plan (self, &error);
  if (plan != NULL)
    {
      preview = mw_interpret_preview (network, plan);
      if (mw_interpret_preview_check (preview, plan, &error))
        text = describe_preview (preview);
    }
  gtk_label_set_text (self->preview_label, text != NULL ? text : error->message);
  gtk_widget_set_sensitive (self->apply_button, text != NULL);
}

static void
apply_clicked_cb (MwInterpretDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwInterpretPlan) plan = build_plan (self, &error);

  if (plan == NULL ||
      !mw_interpret_apply (mw_document_get_history (self->document), plan, &error))
    {
      gtk_label_set_text (self->preview_label, error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
mw_interpret_dialog_dispose (GObject *object)
{
  MwInterpretDialog *self = MW_INTERPRET_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MW_TYPE_INTERPRET_DIALOG);
  g_clear_object (&self->document);
  g_clear_pointer (&self->actor_attrs, g_strfreev);
  g_clear_pointer (&self->tie_attrs, g_strfreev);

  G_OBJECT_CLASS (mw_interpret_dialog_parent_class)->dispose (object);
}

static void
mw_interpret_dialog_class_init (MwInterpretDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_interpret_dialog_dispose;

  g_type_ensure (MW_TYPE_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/meshwork/Meshwork/mw-interpret-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MwInterpretDialog, tie_row);
  gtk_widget_class_bind_template_child (widget_class, MwInterpretDialog, tie_attr_row);
  gtk_widget_class_bind_template_child (widget_class, MwInterpretDialog, tie_map_row);
  gtk_widget_class_bind_template_child (widget_class, MwInterpretDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, MwInterpretDialog, kind_attr_row);
  gtk_widget_class_bind_template_child (widget_class, MwInterpretDialog, kind_map_row);
  gtk_widget_class_bind_template_child (widget_class, MwInterpretDialog, org_row);
  gtk_widget_class_bind_template_child (widget_class, MwInterpretDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, MwInterpretDialog, weight_row);
  gtk_widget_class_bind_template_child (widget_class, MwInterpretDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, MwInterpretDialog, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mw_interpret_dialog_init (MwInterpretDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The rows, filled from @network's attributes; the ties as loaded. */
static void
fill_rows (MwInterpretDialog *self,
           MwNetwork         *network)
{
  static const char * const from_attribute[] = { N_("From an Attribute") };
  static const char * const org_titles[] = { N_("As Loaded"), N_("None"), N_("Each Actor Is One") };
  static const char * const unit_titles[] = { N_("Clusters, as Loaded"), N_("None") };
  static const char * const weight_titles[] = { N_("Tie Strength, as Loaded"), N_("None (All 1)") };
  g_autofree const char **tie_choices = g_new0 (const char *, MW_N_TIE_TYPES + 2);
  g_autofree const char **kind_choices = g_new0 (const char *, MW_N_ACTOR_KINDS + 2);
  MwTieType guessed = mw_network_get_directed (network) ? MW_TIE_INFLUENCES : MW_TIE_COLLABORATES;

  self->actor_attrs = mw_interpret_list_actor_attrs (network);
  self->tie_attrs = mw_interpret_list_tie_attrs (network);

  for (guint i = 0; i < MW_N_TIE_TYPES; i++)
    tie_choices[i] = tie_titles[i];
  tie_choices[MW_N_TIE_TYPES] = self->tie_attrs[0] != NULL ? from_attribute[0] : NULL;
  for (guint i = 0; i < MW_N_ACTOR_KINDS; i++)
    kind_choices[i] = kind_titles[i];
  kind_choices[MW_N_ACTOR_KINDS] = self->actor_attrs[0] != NULL ? from_attribute[0] : NULL;

  fill_row (self->tie_row, tie_choices, g_strv_length ((GStrv) tie_choices), NULL);
  fill_row (self->tie_attr_row, NULL, 0, (const char * const *) self->tie_attrs);
  fill_row (self->kind_row, kind_choices, g_strv_length ((GStrv) kind_choices), NULL);
  fill_row (self->kind_attr_row, NULL, 0, (const char * const *) self->actor_attrs);
  fill_row (self->org_row, org_titles, G_N_ELEMENTS (org_titles), (const char * const *) self->actor_attrs);
  fill_row (self->unit_row, unit_titles, G_N_ELEMENTS (unit_titles), (const char * const *) self->actor_attrs);
  fill_row (self->weight_row, weight_titles, G_N_ELEMENTS (weight_titles), (const char * const *) self->tie_attrs);
  adw_combo_row_set_selected (self->tie_row, guessed);
}

/**
 * mw_interpret_dialog_new:
 *
 * Returns: (transfer none): the dialog, shown over @parent; Apply changes
 *   @document's network as one undo step
 */
MwInterpretDialog *
mw_interpret_dialog_new (GtkWindow  *parent,
                         MwDocument *document)
{
  MwInterpretDialog *self;
  AdwComboRow *combos[6];
  MwEntryRow  *entries[2];

  g_return_val_if_fail (MW_IS_DOCUMENT (document), NULL);

  self = g_object_new (MW_TYPE_INTERPRET_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  fill_rows (self, mw_document_get_network (document));

  combos[0] = self->tie_row, combos[1] = self->tie_attr_row, combos[2] = self->kind_row;
  combos[3] = self->kind_attr_row, combos[4] = self->org_row, combos[5] = self->unit_row;
  entries[0] = self->tie_map_row, entries[1] = self->kind_map_row;
  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    {
      mw_a11y_name_combo_row (combos[i]);
      g_signal_connect_object (combos[i], "notify::selected", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
    }
  mw_a11y_name_combo_row (self->weight_row);
  mw_a11y_name_scrollers (GTK_WIDGET (self), _("Interpret Network"));
  g_signal_connect_object (self->weight_row, "notify::selected", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_object (entries[i], "changed", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  update_preview (self);

  return self;
}

const char *
mw_interpret_dialog_get_preview_text (MwInterpretDialog *self)
{
  g_return_val_if_fail (MW_IS_INTERPRET_DIALOG (self), NULL);
  return gtk_label_get_text (self->preview_label);
}
