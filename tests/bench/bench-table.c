/* bench-table.c: the data table at 100,000 actors — showing, scrolling,
 * sorting and filtering, in frame times (prints figures, never fails on time)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table is shown in a window as the app shows it (with its style.css),
 * under Xvfb with GTK's cairo renderer. A frame time is the time between
 * two painted frames while the table scrolls three rows per frame (a
 * wheel or a touchpad) or a page per frame (Page Down held), or while a
 * sort or a filter works through its rows. On a machine shared with other
 * work the wall-clock time includes waiting for a core, so the UI
 * thread's own CPU time per frame is printed beside it: that is the part
 * the table costs.
 */

#include <adwaita.h>
#include <time.h>

#include "mw-canvas.h"
#include "mw-table-view.h"

#define N_ACTORS 100000

static GArray *frames;        /* gint64 µs between painted frames */
static GArray *cpu_frames;    /* gint64 µs of the UI thread's CPU time between them */
static gint64  last_paint;
static gint64  last_cpu;
static gint64  probe_cpu;     /* the UI thread's CPU time at the probe's last run */
static gint64  longest_step;  /* µs of CPU time the probe waited at most */

static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (frames != NULL && last_paint > 0)
    {
      gint64 interval = now - last_paint;
      gint64 cpu_interval = cpu - last_cpu;

      g_array_append_val (frames, interval);
      g_array_append_val (cpu_frames, cpu_interval);
    }
  last_paint = now;
  last_cpu = cpu;
}

/* Runs as soon as the main loop is free, every millisecond: the longest
 * wait is the longest step the UI thread took (a frame that waits for no
 * paint, as a sort's last step, is seen too). */
static gboolean
probe_cb (gpointer data)
{
  gint64 cpu = thread_cpu_time ();

  if (probe_cpu > 0)
    longest_step = MAX (longest_step, cpu - probe_cpu);
  probe_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
print_longest_step (void)
{
  g_print ("%-36s %7.1f ms (UI thread CPU)\n", "  longest step", longest_step / 1000.0);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
print_times (const char *what,
             const char *unit,
             GArray     *times)
{
  g_array_sort (times, compare_gint64);
  g_print ("%-36s %5u frames  median %6.1f ms  95%% %6.1f ms  max %6.1f ms  %s\n", what, times->len,
           g_array_index (times, gint64, times->len / 2) / 1000.0,
           g_array_index (times, gint64, times->len * 95 / 100) / 1000.0,
           g_array_index (times, gint64, times->len - 1) / 1000.0, unit);
}

static void
print_frames (const char *what)
{
  if (frames->len == 0)
    {
      g_print ("%-36s at most one frame painted\n", what);
      return;
    }
  print_times (what, "(wall clock)", frames);
  print_times ("", "(UI thread CPU)", cpu_frames);
}

static void
start_frames (void)
{
  g_clear_pointer (&frames, g_array_unref);
  g_clear_pointer (&cpu_frames, g_array_unref);
  frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  cpu_frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  last_paint = 0;
  probe_cpu = thread_cpu_time ();   /* a step before the first probe counts too */
  longest_step = 0;
}

static gboolean
spin_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits without spinning: a busy wait would count as the UI thread's CPU. */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, spin_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static MwNetwork *
big_network (void)
{
  static const char * const sectors[] = { "public", "private", "nonprofit", "federal" };
  MwNetwork *network = mw_network_new ();
  GRand *rand = g_rand_new_with_seed (20);

  for (guint i = 0; i < N_ACTORS; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *label = g_strdup_printf ("Actor %08x", g_rand_int (rand));
      g_autofree char *staff = g_strdup_printf ("%u", g_rand_int_range (rand, 0, 5000));
      MwActor *actor = mw_network_add_actor (network, id, label, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_attr (network, actor, "paid_staff", staff);
      mw_network_set_actor_attr (network, actor, "sector", sectors[i % G_N_ELEMENTS (sectors)]);
      if (i > 0)
        mw_network_add_tie (network, actor, mw_network_get_actor (network, g_rand_int_range (rand, 0, i)),
                            MW_TIE_COLLABORATES, 1, NULL);
    }
  g_rand_free (rand);
  return network;
}

/* Clicks a column's header as the user does, and waits for the sort to end. */
static void
sort_by (MwTableView  *table,
         const char   *title,
         GtkSortType   direction)
{
  GListModel *columns = gtk_column_view_get_columns (mw_table_view_get_column_view (table));
  gint64 start, cpu;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) != 0)
        continue;

      start_frames ();
      start = g_get_monotonic_time ();
      cpu = thread_cpu_time ();
      gtk_column_view_sort_by_column (mw_table_view_get_column_view (table), column, direction);
      g_main_context_iteration (NULL, FALSE);
      while (mw_table_view_is_busy (table))
        g_main_context_iteration (NULL, TRUE);
      g_print ("%-36s %7.1f ms until sorted (%.1f ms on the UI thread)\n", title,
               (g_get_monotonic_time () - start) / 1000.0, (thread_cpu_time () - cpu) / 1000.0);
      spin (100);
      print_frames ("  frames while sorting");
      print_longest_step ();
      return;
    }
  g_print ("%s: no such column\n", title);
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types into the table's search entry; the entry waits 150 ms for more
 * keys before it filters, and that wait is counted. */
static void
filter_by (MwTableView *table,
           const char  *text)
{
  GtkWidget *entry = find_search_entry (GTK_WIDGET (table));
  g_autofree char *what = g_strdup_printf ("filter “%s”", text);
  gint64 start = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  start_frames ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  spin (200);
  while (mw_table_view_is_busy (table))
    g_main_context_iteration (NULL, TRUE);
  g_print ("%-36s %7.1f ms until filtered, %u rows (%.1f ms on the UI thread)\n", what,
           (g_get_monotonic_time () - start) / 1000.0,
           g_list_model_get_n_items (mw_table_view_get_rows (table)), (thread_cpu_time () - cpu) / 1000.0);
  spin (100);
  print_frames ("  frames while filtering");
  print_longest_step ();
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  GtkAdjustment *adjustment = data;
  guint *ticks = g_object_get_data (G_OBJECT (adjustment), "ticks");
  double step = *(double *) g_object_get_data (G_OBJECT (adjustment), "step");

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                        (step > 0 ? step : gtk_adjustment_get_page_size (adjustment)));
  return ++(*ticks) < 240 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* @rows per frame (0: a page, the rows on screen change entirely each frame) for 240 frames. */
static void
scroll (MwTableView *table,
        const char  *what,
        guint        rows)
{
  GtkWidget *view = GTK_WIDGET (mw_table_view_get_column_view (table));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  guint n = g_list_model_get_n_items (mw_table_view_get_rows (table));
  double step = rows * gtk_adjustment_get_upper (adjustment) / MAX (n, 1);
  guint ticks = 0;

  gtk_adjustment_set_value (adjustment, 0);
  spin (200);
  g_object_set_data (G_OBJECT (adjustment), "ticks", &ticks);
  g_object_set_data (G_OBJECT (adjustment), "step", &step);
  start_frames ();
  gtk_widget_add_tick_callback (view, scroll_tick_cb, adjustment, NULL);
  while (ticks < 240)
    g_main_context_iteration (NULL, TRUE);
  spin (100);
  print_frames (what);
  print_longest_step ();
  g_print ("%-36s %7u row objects alive\n", "", mw_table_view_get_n_alive (table));
}

/* With no argument every part runs once; "page", "scroll", "sort" or
 * "filter" choose parts, "repeat=N" runs them N times (a stress run). */
static gboolean
wants (int          argc,
       char * const argv[],
       const char  *part)
{
  gboolean any = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "repeat="))
        continue;
      if (g_str_equal (argv[i], part))
        return TRUE;
      any = TRUE;
    }
  return !any;
}

int
main (int   argc,
      char *argv[])
{
  guint repeat = 1;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(MwHistory) history = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  GtkWidget *window, *canvas, *table;
  gint64 start;

  if (!gtk_init_check ())
    {
      g_print ("bench-table: skipped, no display (run under xvfb-run)\n");
      return 77;
    }
  adw_init ();
  /* the app's own style, as AdwApplication loads it: it decides how the separators are drawn */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/meshwork/Meshwork/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  for (int i = 1; i < argc; i++)
    if (g_str_has_prefix (argv[i], "repeat="))
      repeat = MAX (1, (guint) g_ascii_strtoull (argv[i] + 7, NULL, 10));

  start = g_get_monotonic_time ();
  network = big_network ();
  history = mw_history_new (network);
  g_print ("%-36s %7.1f ms (%u actors)\n", "network made", (g_get_monotonic_time () - start) / 1000.0, N_ACTORS);

  canvas = mw_canvas_new ();
  g_object_ref_sink (canvas);
  mw_canvas_set_history (MW_CANVAS (canvas), history);
  table = g_object_new (MW_TYPE_TABLE_VIEW, NULL);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_set_child (GTK_WINDOW (window), table);

  start = g_get_monotonic_time ();
  mw_table_view_set_canvas (MW_TABLE_VIEW (table), MW_CANVAS (canvas));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
  while (last_paint == 0)
    g_main_context_iteration (NULL, TRUE);
  g_print ("%-36s %7.1f ms\n", "table shown (first frame)", (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  while (mw_table_view_get_measures (MW_TABLE_VIEW (table)) == NULL &&
         g_get_monotonic_time () - start < 120 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_print ("%-36s %7.1f ms (in a thread)\n", "measures shown", (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  mw_actor_measures_input_free (mw_actor_measures_input_new (network));
  g_print ("%-36s %7.1f ms (on the UI thread, before each)\n", "  input taken for the measures",
           (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  g_object_unref (mw_network_copy (network));
  g_print ("%-36s %7.1f ms (what the UI thread paid before)\n", "  a whole copy of the network",
           (g_get_monotonic_time () - start) / 1000.0);

  g_timeout_add_full (G_PRIORITY_HIGH, 1, probe_cb, NULL, NULL);
  for (guint round = 0; round < repeat; round++)
    {
      if (wants (argc, argv, "scroll"))
        scroll (MW_TABLE_VIEW (table), "scroll 3 rows a frame, file order", 3);
      if (wants (argc, argv, "page"))
        scroll (MW_TABLE_VIEW (table), "scroll a page a frame, file order", 0);
      if (wants (argc, argv, "sort"))
        {
          /* each round the other way: a repeated click would change nothing */
          GtkSortType direction = round % 2 == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING;

          sort_by (MW_TABLE_VIEW (table), "Label", direction);
          sort_by (MW_TABLE_VIEW (table), "paid_staff", direction);
          sort_by (MW_TABLE_VIEW (table), "Betweenness", direction);
        }
      if (wants (argc, argv, "scroll"))
        scroll (MW_TABLE_VIEW (table), "scroll 3 rows a frame, sorted", 3);
      if (wants (argc, argv, "page"))
        scroll (MW_TABLE_VIEW (table), "scroll a page a frame, sorted", 0);
      if (wants (argc, argv, "filter"))
        {
          filter_by (MW_TABLE_VIEW (table), "Actor 00");
          /* fewer rows than GTK holds (~200): shown as a new list */
          filter_by (MW_TABLE_VIEW (table), "Actor 000");
          filter_by (MW_TABLE_VIEW (table), "");
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (canvas);
  return 0;
}
