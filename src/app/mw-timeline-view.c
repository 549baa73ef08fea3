/* mw-timeline-view.c: a series of snapshots as a timeline, in a window of its own
 *
 * The chart (render/mw-render-timeline.c), the list of snapshots with the
 * marked ones explained, and for the selected snapshot and the one before
 * it what changed and what moved each element most. The snapshots load and
 * the changes are measured in a worker thread. Under the list, the series
 * is edited (mw-timeline-edit.c: it saves the .mwseries); after each edit
 * everything loads again, the edited snapshot selected.
 *
 * Selecting a point (Left/Right, a click, the list) shows its values;
 * opening it (Enter, a click on the chart, activating the row, "Open
 * Snapshot") emits ::open-snapshot from one function,
 * mw_timeline_view_open_snapshot(): the application opens the file in a
 * window as any network — edits there change that snapshot's file.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-timeline"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mw-render-timeline.h"
#include "mw-a11y.h"
#include "mw-timeline-edit.h"
#include "mw-timeline-view.h"

struct _MwTimelineView
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *open_button;
  GtkDrawingArea       *chart;
  GtkLabel             *point_label;
  GtkLabel             *changes_heading;
  GtkLabel             *changes_label;
  GtkListBox           *snapshot_list;
  MwTimelineEdit       *edit;

  /* owned */
  GFile                *file;
  MwSeries             *series;
  GPtrArray            *changes;      /* MwSeriesChanges* or NULL, one per neighbour pair */
  GCancellable         *cancellable;
  int                   selected;
  int                   reselect;     /* what to select once loaded again, or -1 */
  gboolean              loaded;
  gboolean              selecting;    /* the list follows the chart: not again */
};

G_DEFINE_FINAL_TYPE (MwTimelineView, mw_timeline_view, ADW_TYPE_APPLICATION_WINDOW)

enum {
  OPEN_SNAPSHOT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static MwTimelineOptions
chart_options (MwTimelineView *self)
{
  MwTimelineOptions options = { adw_style_manager_get_dark (adw_style_manager_get_default ()),
                                self->selected, 10 };

  return options;
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  MwTimelineView *self = MW_TIMELINE_VIEW (user_data);
  MwTimelineOptions options = chart_options (self);

  if (self->loaded)
    mw_render_timeline (cr, self->series, width, height, &options);
}

/* "Multi-directional influence 32.0" or "… not measurable". */
static void
append_value (GString          *text,
              const MwSnapshot *snapshot,
              guint             line)
{
  double value;

  if (mw_timeline_get_value (snapshot, line, &value))
    /* Translators: a line of the chart and its value, "Global purpose mindset 26.8" */
    g_string_append_printf (text, _("%s %.1f"), mw_timeline_get_line_title (line), value);
  else
    /* Translators: a line of the chart without a value there */
    g_string_append_printf (text, _("%s not measurable"), mw_timeline_get_line_title (line));
}

/* One sentence per snapshot: what a screen reader hears for a point. */
static char *
describe_snapshot (MwTimelineView *self,
                   guint           index)
{
  const MwSnapshot *snapshot = mw_series_get_snapshot (self->series, index);
  g_autofree char *date = mw_snapshot_dup_date_text (snapshot);
  g_autofree char *title = mw_snapshot_dup_title (snapshot);
  GString *text = g_string_new (NULL);

  /* Translators: "Snapshot 2 of 5, 2025-06-30, First peers: " */
  g_string_append_printf (text, _("Snapshot %u of %u, %s, %s: "), index + 1,
                          mw_series_get_n_snapshots (self->series), date, title);
  if (snapshot->scores == NULL)
    {
      /* Translators: the file's error follows */
      g_string_append_printf (text, _("missing — %s"), snapshot->error->message);
      return g_string_free (text, FALSE);
    }
  append_value (text, snapshot, MW_TIMELINE_INDEX_LINE);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_string_append (text, "; ");
      append_value (text, snapshot, e);
    }
  g_string_append (text, ".");
  return g_string_free (text, FALSE);
}

/* The chart's name says what it is; its description, every value, the
 * selected point's first (GTK 4.8 has no announcements: a screen reader
 * reads the new description of the focused chart). */
static void
update_accessible (MwTimelineView *self)
{
  g_autoptr(GString) description = g_string_new (NULL);
  guint n = mw_series_get_n_snapshots (self->series);
  g_autofree char *label = g_strdup_printf (ngettext ("Timeline chart of %u snapshot",
                                                      "Timeline chart of %u snapshots", n), n);

  if (self->selected >= 0)
    {
      g_autofree char *selected = describe_snapshot (self, self->selected);

      /* Translators: the selected point's sentence follows */
      g_string_append_printf (description, _("Selected: %s"), selected);
    }
  for (guint i = 0; i < n && self->loaded; i++)
    {
      g_autofree char *sentence = describe_snapshot (self, i);

      g_string_append_printf (description, "%s%s", description->len > 0 ? " " : "", sentence);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static void
append_change_counts (GString         *text,
                      MwSeriesChanges *changes)
{
  MwComparison *comparison = changes->comparison;
  guint in = g_strv_length (comparison->only_actor_ids[MW_COMPARE_OTHER]);
  guint out = g_strv_length (comparison->only_actor_ids[MW_COMPARE_THIS]);
  guint gained = g_strv_length (comparison->only_tie_ids[MW_COMPARE_OTHER]);
  guint lost = g_strv_length (comparison->only_tie_ids[MW_COMPARE_THIS]);
  guint retyped = g_strv_length (comparison->retyped_tie_ids[MW_COMPARE_OTHER]);

  g_string_append_printf (text, ngettext ("%u person in", "%u people in", in), in);
  g_string_append (text, ", ");
  g_string_append_printf (text, ngettext ("%u person out", "%u people out", out), out);
  g_string_append (text, ", ");
  g_string_append_printf (text, ngettext ("%u tie gained", "%u ties gained", gained), gained);
  g_string_append (text, ", ");
  g_string_append_printf (text, ngettext ("%u tie lost", "%u ties lost", lost), lost);
  g_string_append (text, ", ");
  g_string_append_printf (text, ngettext ("%u tie retyped", "%u ties retyped", retyped), retyped);
  g_string_append (text, ".");
}

static void
append_moved_most (GString         *text,
                   MwSeriesChanges *changes)
{
  gboolean any = FALSE;

  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      const MwChangeGroup *group;
      g_autofree char *title = NULL;

      if (changes->moved_most[e] < 0)
        continue;
      group = &g_array_index (changes->groups, MwChangeGroup, changes->moved_most[e]);
      title = mw_change_group_dup_title (group);
      /* Translators: "Moved most — Spontaneous collaboration: Ties gained: Collaborates (+65.0)" */
      g_string_append_printf (text, _("\nMoved most — %s: %s (%+.1f)"), mw_element_get_title (e),
                              title, group->effect[e]);
      any = TRUE;
    }
  if (!any)
    g_string_append_printf (text, "\n%s", _("No change moved an element by a tenth of a point or more."));
}

/* What changed into the selected snapshot (from the first into the
 * second when the first is selected). */
static void
update_changes (MwTimelineView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *from_title = NULL;
  g_autofree char *to_title = NULL;
  MwSeriesChanges *changes;
  guint pair;

  if (!self->loaded || self->changes->len == 0 || self->selected < 0)
    {
      gtk_label_set_label (self->changes_heading, "");
      gtk_label_set_label (self->changes_label, "");
      return;
    }

  pair = self->selected > 0 ? (guint) self->selected - 1 : 0;
  from_title = mw_snapshot_dup_title (mw_series_get_snapshot (self->series, pair));
  to_title = mw_snapshot_dup_title (mw_series_get_snapshot (self->series, pair + 1));
  /* Translators: "What changed from “Pyramid” to “First peers”" */
  heading = g_strdup_printf (_("What changed from “%s” to “%s”"), from_title, to_title);
  gtk_label_set_label (self->changes_heading, heading);

  changes = g_ptr_array_index (self->changes, pair);
  if (changes == NULL)
    g_string_append (text, _("One of the two snapshots is missing: nothing to compare."));
  else
    {
      append_change_counts (text, changes);
      append_moved_most (text, changes);
    }
  gtk_label_set_label (self->changes_label, text->str);
}

static void
update_selection (MwTimelineView *self)
{
  g_autofree char *sentence = NULL;

  gtk_widget_set_sensitive (self->open_button, self->loaded && self->selected >= 0);
  if (self->loaded && self->selected >= 0)
    sentence = describe_snapshot (self, self->selected);
  gtk_label_set_label (self->point_label, sentence != NULL ? sentence : "");
  update_changes (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
  mw_timeline_edit_set_selected (self->edit, self->loaded ? self->selected : -1);

  if (!self->selecting && self->selected >= 0)
    {
      self->selecting = TRUE;
      gtk_list_box_select_row (self->snapshot_list,
                               gtk_list_box_get_row_at_index (self->snapshot_list, self->selected));
      self->selecting = FALSE;
    }
}

/**
 * mw_timeline_view_select:
 * @index: a snapshot, or -1 for none
 *
 * Selects a point: the chart highlights it, the label and the chart's
 * description say its values, and "what changed" shows its pair.
 */
void
mw_timeline_view_select (MwTimelineView *self,
                         int             index)
{
  g_return_if_fail (MW_IS_TIMELINE_VIEW (self));

  if (index >= (int) mw_series_get_n_snapshots (self->series))
    index = (int) mw_series_get_n_snapshots (self->series) - 1;
  self->selected = MAX (index, -1);
  update_selection (self);
}

/**
 * mw_timeline_view_open_snapshot:
 *
 * The one way a snapshot is opened: emits ::open-snapshot with its file
 * (the application opens it as a network). A marked snapshot is not
 * opened; its reason is shown instead.
 */
void
mw_timeline_view_open_snapshot (MwTimelineView *self,
                                guint           index)
{
  const MwSnapshot *snapshot;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (MW_IS_TIMELINE_VIEW (self));
  g_return_if_fail (index < mw_series_get_n_snapshots (self->series));

  snapshot = mw_series_get_snapshot (self->series, index);
  if (self->loaded && snapshot->error != NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  file = g_file_new_for_path (snapshot->path);
  g_signal_emit (self, signals[OPEN_SNAPSHOT], 0, index, file);
}

static void
open_clicked_cb (MwTimelineView *self)
{
  g_assert (MW_IS_TIMELINE_VIEW (self));

  if (self->selected >= 0)
    mw_timeline_view_open_snapshot (self, self->selected);
}

/* The point @steps away from the selected one along the time axis. */
static int
point_along_time (MwTimelineView *self,
                  int             steps)
{
  guint n = 0;
  g_autofree guint *order = mw_timeline_dup_order (self->series, &n);
  int position = 0;

  for (guint k = 0; k < n; k++)
    if ((int) order[k] == self->selected)
      position = (int) k;
  return (int) order[CLAMP (position + steps, 0, (int) n - 1)];
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                MwTimelineView        *self)
{
  int n = self->loaded ? (int) mw_series_get_n_snapshots (self->series) : 0;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      mw_timeline_view_select (self, point_along_time (self, 1));
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      mw_timeline_view_select (self, point_along_time (self, -1));
      return TRUE;
    case GDK_KEY_Home:
      mw_timeline_view_select (self, point_along_time (self, -n));
      return TRUE;
    case GDK_KEY_End:
      mw_timeline_view_select (self, point_along_time (self, n));
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      open_clicked_cb (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* A click selects the nearest snapshot and opens it. */
static void
chart_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  MwTimelineView  *self)
{
  MwTimelineOptions options = chart_options (self);
  int hit;

  gtk_widget_grab_focus (GTK_WIDGET (self->chart));
  if (!self->loaded)
    return;
  hit = mw_render_timeline_hit (self->series, gtk_widget_get_width (GTK_WIDGET (self->chart)),
                                gtk_widget_get_height (GTK_WIDGET (self->chart)), &options, x, y);
  if (hit < 0)
    return;
  mw_timeline_view_select (self, hit);
  mw_timeline_view_open_snapshot (self, hit);
}

static void
row_selected_cb (MwTimelineView *self,
                 GtkListBoxRow  *row)
{
  g_assert (MW_IS_TIMELINE_VIEW (self));

  if (row == NULL || self->selecting)
    return;
  self->selecting = TRUE;
  mw_timeline_view_select (self, gtk_list_box_row_get_index (row));
  self->selecting = FALSE;
}

static void
row_activated_cb (MwTimelineView *self,
                  GtkListBoxRow  *row)
{
  g_assert (MW_IS_TIMELINE_VIEW (self));

  mw_timeline_view_open_snapshot (self, gtk_list_box_row_get_index (row));
}

static const char *
date_source_note (MwSeriesDateSource source)
{
  switch (source)
    {
    case MW_SERIES_DATE_ENTRY:
      return _("date from the series");
    case MW_SERIES_DATE_ATTRIBUTE:
      return _("date from the file’s “date” attribute");
    case MW_SERIES_DATE_MTIME:
      return _("date: when the file was last changed");
    case MW_SERIES_DATE_NONE:
    default:
      return _("no date");
    }
}

static GtkWidget *
new_snapshot_row (MwTimelineView *self,
                  guint           index)
{
  const MwSnapshot *snapshot = mw_series_get_snapshot (self->series, index);
  g_autofree char *title = mw_snapshot_dup_title (snapshot);
  g_autofree char *date = mw_snapshot_dup_date_text (snapshot);
  g_autofree char *heading = g_strdup_printf ("%u. %s", index + 1, title);
  g_autofree char *subtitle = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *heading_label = gtk_label_new (heading);
  GtkWidget *subtitle_label;

  if (snapshot->error != NULL)
    /* Translators: a snapshot whose file did not load, then why */
    subtitle = g_strdup_printf (_("Missing: %s"), snapshot->error->message);
  else
    subtitle = g_strdup_printf ("%s · %s", date, date_source_note (snapshot->date_source));
  subtitle_label = gtk_label_new (subtitle);

  gtk_label_set_xalign (GTK_LABEL (heading_label), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle_label), 36);
  gtk_widget_add_css_class (subtitle_label, snapshot->error != NULL ? "error" : "dim-label");
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_box_append (GTK_BOX (box), heading_label);
  gtk_box_append (GTK_BOX (box), subtitle_label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

/* A list row is named by what it shows: "2. June, 30 June 2026 · …". */
static void
name_snapshot_row (GtkWidget *row,
                   GtkWidget *content)
{
  GtkWidget *heading = gtk_widget_get_first_child (content);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (heading);
  g_autofree char *name = g_strdup_printf ("%s, %s", gtk_label_get_text (GTK_LABEL (heading)),
                                           gtk_label_get_text (GTK_LABEL (subtitle)));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
fill_list (MwTimelineView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->snapshot_list))) != NULL)
    gtk_list_box_remove (self->snapshot_list, child);
  for (guint i = 0; i < mw_series_get_n_snapshots (self->series); i++)
    {
      GtkWidget *content = new_snapshot_row (self, i);

      gtk_list_box_append (self->snapshot_list, content);
      name_snapshot_row (gtk_widget_get_parent (content), content);
    }
}

/* In the worker: the series is not touched elsewhere until it is done. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  MwSeries *series = task_data;
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_series_changes_free);

  mw_series_load_snapshots (series, cancellable);
  for (guint i = 0; i + 1 < mw_series_get_n_snapshots (series) && !g_cancellable_is_cancelled (cancellable); i++)
    g_ptr_array_add (changes, mw_series_compute_changes (series, i));
  g_task_return_pointer (task, changes, (GDestroyNotify)g_ptr_array_unref);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  MwTimelineView *self = MW_TIMELINE_VIEW (object);
  GPtrArray *changes = g_task_propagate_pointer (G_TASK (result), NULL);
  int n;

  if (changes == NULL)
    return;
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  self->changes = changes;
  self->loaded = TRUE;
  n = (int) mw_series_get_n_snapshots (self->series);
  fill_list (self);
  mw_timeline_edit_set_busy (self->edit, FALSE);
  mw_timeline_view_select (self, self->reselect >= 0 ? MIN (self->reselect, n - 1) : (n > 0 ? 0 : -1));
  self->reselect = -1;
}

static void
load (MwTimelineView *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, loaded_cb, NULL);

  /* the worker owns the series until it is done: nothing reads or edits it */
  self->loaded = FALSE;
  mw_timeline_edit_set_busy (self->edit, TRUE);
  g_task_set_task_data (task, g_object_ref (self->series), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/* The series was edited: load it again and select @select. */
static void
edited_cb (MwTimelineView *self,
           int             select)
{
  g_assert (MW_IS_TIMELINE_VIEW (self));

  self->reselect = select;
  load (self);
}

static void
mw_timeline_view_dispose (GObject *object)
{
  MwTimelineView *self = MW_TIMELINE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mw_timeline_view_parent_class)->dispose (object);
}

static void
mw_timeline_view_finalize (GObject *object)
{
  MwTimelineView *self = MW_TIMELINE_VIEW (object);

  g_clear_object (&self->file);
  g_clear_object (&self->series);
  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (mw_timeline_view_parent_class)->finalize (object);
}

static void
mw_timeline_view_class_init (MwTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_timeline_view_dispose;
  object_class->finalize = mw_timeline_view_finalize;

  /**
   * MwTimelineView::open-snapshot:
   * @index: the snapshot
   * @file: its network's file
   */
  signals[OPEN_SNAPSHOT] = g_signal_new ("open-snapshot", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/meshwork/Meshwork/mw-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MwTimelineView, window_title);
  gtk_widget_class_bind_template_child (widget_class, MwTimelineView, open_button);
  gtk_widget_class_bind_template_child (widget_class, MwTimelineView, chart);
  gtk_widget_class_bind_template_child (widget_class, MwTimelineView, point_label);
  gtk_widget_class_bind_template_child (widget_class, MwTimelineView, changes_heading);
  gtk_widget_class_bind_template_child (widget_class, MwTimelineView, changes_label);
  gtk_widget_class_bind_template_child (widget_class, MwTimelineView, snapshot_list);
  gtk_widget_class_bind_template_child (widget_class, MwTimelineView, edit);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, edited_cb);
}

static void
mw_timeline_view_init (MwTimelineView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_type_ensure (MW_TYPE_TIMELINE_EDIT);
  gtk_widget_init_template (GTK_WIDGET (self));
  mw_a11y_name_scrollers (GTK_WIDGET (self), _("Timeline"));
  self->selected = -1;
  self->reselect = -1;
  self->cancellable = g_cancellable_new ();
  self->changes = g_ptr_array_new ();

  gtk_drawing_area_set_draw_func (self->chart, draw_chart_cb, self, NULL);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->chart), keys);
  g_signal_connect_object (click, "pressed", G_CALLBACK (chart_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->chart), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->chart, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (self->open_button, FALSE);
}

static void
show_load_error (MwTimelineView *self,
                 GError         *error)
{
  gtk_label_set_label (self->changes_heading, _("Could Not Open the Series"));
  gtk_label_set_label (self->changes_label, error->message);
}

/**
 * mw_timeline_view_new:
 * @file: a series file
 *
 * Returns: (transfer none): a new window showing @file's timeline, its
 *   snapshots loading in the background
 */
MwTimelineView *
mw_timeline_view_new (GtkApplication *application,
                      GFile          *file)
{
  MwTimelineView *self;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (MW_TYPE_TIMELINE_VIEW, "application", application, NULL);
  self->file = g_object_ref (file);
  path = g_file_get_path (file);
  basename = g_file_get_basename (file);
  title = mw_series_is_series_name (basename)
          ? g_strndup (basename, strlen (basename) - strlen (MW_SERIES_EXTENSION)) : g_strdup (basename);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  self->series = path != NULL ? mw_series_load (path, &error) : NULL;
  if (self->series == NULL)
    {
      if (error == NULL)
        g_set_error (&error, MW_ERROR, MW_ERROR_FAILED, _("“%s” is not a local file"), basename);
      self->series = mw_series_new ();
      show_load_error (self, error);
      self->loaded = TRUE;
      update_accessible (self);
      return self;
    }
  update_accessible (self);
  mw_timeline_edit_set_series (self->edit, self->series);
  load (self);
  return self;
}

MwSeries *
mw_timeline_view_get_series (MwTimelineView *self)
{
  g_return_val_if_fail (MW_IS_TIMELINE_VIEW (self), NULL);

  return self->series;
}

/* Whether the snapshots have loaded (and the chart shows them). */
gboolean
mw_timeline_view_get_loaded (MwTimelineView *self)
{
  g_return_val_if_fail (MW_IS_TIMELINE_VIEW (self), FALSE);

  return self->loaded;
}

int
mw_timeline_view_get_selected (MwTimelineView *self)
{
  g_return_val_if_fail (MW_IS_TIMELINE_VIEW (self), -1);

  return self->selected;
}

GtkWidget *
mw_timeline_view_get_chart (MwTimelineView *self)
{
  g_return_val_if_fail (MW_IS_TIMELINE_VIEW (self), NULL);

  return GTK_WIDGET (self->chart);
}
