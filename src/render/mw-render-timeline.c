/* mw-render-timeline.c: a series' index and five elements over time, as a line chart
 *
 * A point per snapshot at its date on a real time axis, whose ticks fall
 * on calendar steps (days, weeks, months, quarters, years) chosen by the
 * span: the finest whose labels, measured, fit side by side. Two
 * snapshots on one date are pushed apart far enough for their numbered
 * tags; one whose date is a guess (none, or only the file's time) is
 * placed between its neighbours or at that time, and drawn with a dashed
 * rule and a dashed "N?" tag. A value that does not exist — the element not measurable, the
 * snapshot marked — leaves a gap in its line, never a zero. Each line has
 * its colour (Okabe and Ito's, told apart with colour blindness) and its
 * own marker shape, so it reads in grey too.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "mw-render-timeline.h"

typedef enum { MARK_CIRCLE, MARK_SQUARE, MARK_TRIANGLE, MARK_DIAMOND, MARK_CROSS, MARK_DISC } Mark;

typedef struct
{
  double light[3];
  double dark[3];
  Mark   mark;
} LineStyle;

static const LineStyle line_styles[MW_TIMELINE_N_LINES] = {
  { { 0.00, 0.45, 0.70 }, { 0.34, 0.71, 0.91 }, MARK_CIRCLE },    /* blue */
  { { 0.84, 0.37, 0.00 }, { 0.90, 0.62, 0.00 }, MARK_SQUARE },    /* vermilion / orange */
  { { 0.00, 0.62, 0.45 }, { 0.00, 0.75, 0.55 }, MARK_TRIANGLE },  /* bluish green */
  { { 0.80, 0.47, 0.65 }, { 0.88, 0.60, 0.76 }, MARK_DIAMOND },   /* reddish purple */
  { { 0.55, 0.45, 0.00 }, { 0.94, 0.89, 0.26 }, MARK_CROSS },     /* dark yellow / yellow */
  { { 0.10, 0.10, 0.12 }, { 0.96, 0.96, 0.96 }, MARK_DISC },      /* the index: the ink */
};

/* Where things go, from the size and the font alone (no text measured),
 * so that the app's hit-testing and the tests agree with the drawing. */
typedef struct
{
  double em;          /* the font's size in pixels */
  double left, top, right, bottom;   /* the plot's edges */
  guint  legend_columns;
  double legend_column_width;
} Geometry;

#define LEGEND_ROW 1.7   /* ems */
#define EDGE_ROOM  1.5   /* ems between the plot's edge and the first and last point */
#define MIN_GAP    2.2   /* ems between two points on one date: their tags fit */
#define TAG_DROP   0.8   /* ems from the axis to the tags: clear of a point at 0, selected */
#define TICK_LABEL_DROP 2.3  /* ems from the axis to the time labels, under the tags */
#define SECONDS_PER_DAY (24.0 * 60 * 60)

static void
get_geometry (double                   width,
              double                   height,
              const MwTimelineOptions *options,
              Geometry                *geometry)
{
  double font_size = options != NULL && options->font_size > 0 ? options->font_size : 10;

  geometry->em = font_size * 96.0 / 72.0;
  geometry->left = 3.5 * geometry->em;
  geometry->right = MAX (geometry->left + 1, width - 2 * geometry->em);
  /* the legend: a grid of three columns, or two when narrow */
  geometry->legend_columns = width - geometry->left >= 54 * geometry->em ? 3 : 2;
  geometry->legend_column_width = (width - geometry->left) / geometry->legend_columns;
  geometry->top = ((MW_TIMELINE_N_LINES + geometry->legend_columns - 1) / geometry->legend_columns
                   * LEGEND_ROW + 1.0) * geometry->em;
  geometry->bottom = MAX (geometry->top + 1, height - 3.6 * geometry->em);  /* tags and the axis */
}

/* Each snapshot's time in seconds. One without a date sits between its
 * dated neighbours in the series' order (or a month past the last one). */
static double *
snapshot_times (MwSeries *series)
{
  guint n = mw_series_get_n_snapshots (series);
  double *times = g_new0 (double, MAX (n, 1));
  int previous = -1;

  for (guint i = 0; i < n; i++)
    {
      const MwSnapshot *snapshot = mw_series_get_snapshot (series, i);
      int next = -1;

      if (snapshot->when != NULL)
        {
          times[i] = (double) g_date_time_to_unix (snapshot->when);
          previous = (int) i;
          continue;
        }
      for (guint j = i + 1; j < n && next < 0; j++)
        if (mw_series_get_snapshot (series, j)->when != NULL)
          next = (int) j;
      if (previous >= 0 && next >= 0)
        times[i] = times[previous] + ((double) g_date_time_to_unix (mw_series_get_snapshot (series, next)->when)
                                      - times[previous]) * (i - previous) / (next - previous);
      else if (previous >= 0)
        times[i] = times[previous] + 30 * SECONDS_PER_DAY * (i - previous);
      else if (next >= 0)
        times[i] = (double) g_date_time_to_unix (mw_series_get_snapshot (series, next)->when)
                   - 30 * SECONDS_PER_DAY * (next - (int) i);
      else
        times[i] = 30 * SECONDS_PER_DAY * i;
    }
  return times;
}

static int
compare_by_time (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const double *times = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (times[i] != times[j])
    return times[i] < times[j] ? -1 : 1;
  return i < j ? -1 : i > j;
}

/**
 * mw_timeline_dup_order:
 * @n: (out): how many
 *
 * Returns: (transfer full): the snapshots' indices from the earliest to the
 *   latest, as the chart places them (one date: in the series' order)
 */
guint *
mw_timeline_dup_order (MwSeries *series,
                       guint    *n)
{
  g_autofree double *times = NULL;
  guint *order;

  g_return_val_if_fail (MW_IS_SERIES (series), NULL);

  *n = mw_series_get_n_snapshots (series);
  times = snapshot_times (series);
  order = g_new (guint, MAX (*n, 1));
  for (guint i = 0; i < *n; i++)
    order[i] = i;
  g_qsort_with_data (order, (int) *n, sizeof (guint), compare_by_time, times);
  return order;
}

/* The time axis: [t0, t1] onto the plot, with room at both ends. */
typedef struct
{
  double t0, t1;
  double x0, x1;
} Axis;

static void
get_axis (const Geometry *geometry,
          const double   *times,
          guint           n,
          Axis           *axis)
{
  axis->t0 = n > 0 ? times[0] : 0;
  axis->t1 = axis->t0;
  for (guint i = 1; i < n; i++)
    {
      axis->t0 = MIN (axis->t0, times[i]);
      axis->t1 = MAX (axis->t1, times[i]);
    }
  /* one date: a month around it, so the axis still has a scale */
  if (axis->t1 - axis->t0 < SECONDS_PER_DAY)
    {
      axis->t0 -= 15 * SECONDS_PER_DAY;
      axis->t1 += 15 * SECONDS_PER_DAY;
    }
  axis->x0 = geometry->left + EDGE_ROOM * geometry->em;
  axis->x1 = MAX (axis->x0 + 1, geometry->right - EDGE_ROOM * geometry->em);
}

static double
axis_x (const Axis *axis,
        double      t)
{
  return axis->x0 + (axis->x1 - axis->x0) * (t - axis->t0) / (axis->t1 - axis->t0);
}

/* Each snapshot's x: by its date, then pushed apart where two would
 * touch (one date, or days apart), forwards and then back from the end. */
static double *
place_points (MwSeries       *series,
              const Geometry *geometry,
              Axis           *axis)
{
  guint n = 0;
  g_autofree guint *order = mw_timeline_dup_order (series, &n);
  g_autofree double *times = snapshot_times (series);
  double *xs = g_new0 (double, MAX (n, 1));
  double gap = MIN_GAP * geometry->em;

  get_axis (geometry, times, n, axis);
  if (n > 1)
    gap = MIN (gap, (axis->x1 - axis->x0) / (n - 1));
  for (guint k = 0; k < n; k++)
    {
      double x = axis_x (axis, times[order[k]]);

      xs[order[k]] = k > 0 ? MAX (x, xs[order[k - 1]] + gap) : x;
    }
  for (guint k = n; k-- > 0;)
    {
      double limit = k + 1 < n ? xs[order[k + 1]] - gap : axis->x1;

      xs[order[k]] = MIN (xs[order[k]], limit);
    }
  return xs;
}

static double
value_y (const Geometry *geometry,
         double          value)
{
  return geometry->bottom - (geometry->bottom - geometry->top) * CLAMP (value, 0, 100) / 100.0;
}

/* Placed, but its date is a guess: none, or only the file's time. */
static gboolean
date_guessed (const MwSnapshot *snapshot)
{
  return snapshot->when == NULL || snapshot->date_source == MW_SERIES_DATE_MTIME;
}

gboolean
mw_timeline_get_value (const MwSnapshot *snapshot,
                       guint             line,
                       double           *value)
{
  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (line < MW_TIMELINE_N_LINES, FALSE);

  if (snapshot->scores == NULL)
    return FALSE;
  if (line == MW_TIMELINE_INDEX_LINE)
    {
      if (mw_scores_get_n_measurable (snapshot->scores) == 0)
        return FALSE;
      *value = mw_scores_get_index (snapshot->scores);
      return TRUE;
    }
  if (!mw_scores_is_measurable (snapshot->scores, line))
    return FALSE;
  *value = mw_scores_get_score (snapshot->scores, line);
  return TRUE;
}

const char *
mw_timeline_get_line_title (guint line)
{
  g_return_val_if_fail (line < MW_TIMELINE_N_LINES, NULL);

  if (line == MW_TIMELINE_INDEX_LINE)
    return _("Distributed leadership index");
  return mw_element_get_title (line);
}

/**
 * mw_render_timeline_snapshot_x:
 *
 * Returns: where snapshot @snapshot's points are drawn across: at its date
 *   on the chart's time axis (apart from a neighbour on the same date)
 */
double
mw_render_timeline_snapshot_x (MwSeries                *series,
                               double                   width,
                               double                   height,
                               const MwTimelineOptions *options,
                               guint                    snapshot)
{
  Geometry geometry;
  Axis axis;
  g_autofree double *xs = NULL;

  g_return_val_if_fail (MW_IS_SERIES (series), 0);
  g_return_val_if_fail (snapshot < mw_series_get_n_snapshots (series), 0);

  get_geometry (width, height, options, &geometry);
  xs = place_points (series, &geometry, &axis);
  return xs[snapshot];
}

gboolean
mw_render_timeline_point (MwSeries                *series,
                          double                   width,
                          double                   height,
                          const MwTimelineOptions *options,
                          guint                    snapshot,
                          guint                    line,
                          double                  *x,
                          double                  *y)
{
  Geometry geometry;
  double value;

  g_return_val_if_fail (MW_IS_SERIES (series), FALSE);
  g_return_val_if_fail (snapshot < mw_series_get_n_snapshots (series), FALSE);

  if (!mw_timeline_get_value (mw_series_get_snapshot (series, snapshot), line, &value))
    return FALSE;
  get_geometry (width, height, options, &geometry);
  *x = mw_render_timeline_snapshot_x (series, width, height, options, snapshot);
  *y = value_y (&geometry, value);
  return TRUE;
}

/* The snapshot drawn nearest to x, or -1 outside the plot. */
int
mw_render_timeline_hit (MwSeries                *series,
                        double                   width,
                        double                   height,
                        const MwTimelineOptions *options,
                        double                   x,
                        double                   y)
{
  guint n;
  Geometry geometry;
  Axis axis;
  g_autofree double *xs = NULL;
  int nearest = -1;

  g_return_val_if_fail (MW_IS_SERIES (series), -1);

  n = mw_series_get_n_snapshots (series);
  get_geometry (width, height, options, &geometry);
  if (n == 0 || x < geometry.left || x > geometry.right || y < geometry.top - geometry.em || y > height)
    return -1;
  xs = place_points (series, &geometry, &axis);
  for (guint i = 0; i < n; i++)
    if (nearest < 0 || fabs (xs[i] - x) < fabs (xs[nearest] - x))
      nearest = (int) i;
  return nearest;
}

static void
set_ink (cairo_t  *cr,
         gboolean  dark,
         double    alpha)
{
  if (dark)
    cairo_set_source_rgba (cr, 0.96, 0.96, 0.96, alpha);
  else
    cairo_set_source_rgba (cr, 0.10, 0.10, 0.12, alpha);
}

static void
set_line_colour (cairo_t  *cr,
                 guint     line,
                 gboolean  dark)
{
  const double *rgb = dark ? line_styles[line].dark : line_styles[line].light;

  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static PangoLayout *
new_layout (cairo_t        *cr,
            const Geometry *geometry,
            const char     *text,
            gboolean        bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, geometry->em * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* @text with its centre (align 0.5), left (0) or right (1) edge at x. */
static void
show_text (cairo_t        *cr,
           const Geometry *geometry,
           const char     *text,
           double          x,
           double          y,
           double          align,
           double          max_width,
           gboolean        bold)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, geometry, text, bold);
  int text_width, text_height;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_move_to (cr, x - align * text_width, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_mark (cairo_t *cr,
           Mark     mark,
           double   x,
           double   y,
           double   r)
{
  switch (mark)
    {
    case MARK_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case MARK_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.1);
      cairo_line_to (cr, x + r, y + r * 0.8);
      cairo_line_to (cr, x - r, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case MARK_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;
    case MARK_CROSS:
      cairo_move_to (cr, x - r, y - r);
      cairo_line_to (cr, x + r, y + r);
      cairo_move_to (cr, x + r, y - r);
      cairo_line_to (cr, x - r, y + r);
      cairo_save (cr);
      cairo_set_line_width (cr, r * 0.6);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    case MARK_DISC:
      cairo_arc (cr, x, y, r * 1.25, 0, 2 * G_PI);
      break;
    case MARK_CIRCLE:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
  cairo_fill (cr);
}

static void
draw_axes (cairo_t                 *cr,
           const Geometry          *geometry,
           const MwTimelineOptions *options)
{
  cairo_set_line_width (cr, 1);
  for (int value = 0; value <= 100; value += 25)
    {
      g_autofree char *label = g_strdup_printf ("%d", value);
      double y = round (value_y (geometry, value)) + 0.5;

      set_ink (cr, options->dark, value == 0 ? 0.6 : 0.15);
      cairo_move_to (cr, geometry->left, y);
      cairo_line_to (cr, geometry->right, y);
      cairo_stroke (cr);
      set_ink (cr, options->dark, 0.8);
      show_text (cr, geometry, label, geometry->left - 0.5 * geometry->em, y - 0.7 * geometry->em, 1, 0, FALSE);
    }
}

/* The calendar steps the axis may take, finest first: the ones readers
 * count in (no "every two months"). */
typedef enum { STEP_DAYS, STEP_MONTHS, STEP_YEARS } StepUnit;

typedef struct
{
  StepUnit unit;
  int      size;
} Step;

static const Step steps[] = {
  { STEP_DAYS, 1 }, { STEP_DAYS, 2 }, { STEP_DAYS, 7 },
  { STEP_MONTHS, 1 }, { STEP_MONTHS, 3 }, { STEP_MONTHS, 6 },
  { STEP_YEARS, 1 }, { STEP_YEARS, 2 }, { STEP_YEARS, 5 }, { STEP_YEARS, 10 },
  { STEP_YEARS, 25 }, { STEP_YEARS, 50 }, { STEP_YEARS, 100 },
};

#define MAX_TICKS 10
#define LABEL_GAP 1.0   /* ems between two labels of the axis */

/* Whether @when falls on a tick of @step: weeks start on Mondays, months
 * and years count from January and from year 0. */
static gboolean
on_step (GDateTime  *when,
         const Step *step)
{
  int day_number = (int) (g_date_time_to_unix (when) / (gint64) SECONDS_PER_DAY);

  switch (step->unit)
    {
    case STEP_DAYS:
      /* 1 January 1970 was a Thursday: +3 makes Monday day 0 */
      return step->size >= 7 ? (day_number + 3) % step->size == 0 : day_number % step->size == 0;
    case STEP_MONTHS:
      return (g_date_time_get_month (when) - 1) % step->size == 0;
    case STEP_YEARS:
    default:
      return g_date_time_get_year (when) % step->size == 0;
    }
}

/* The first midnight, first of a month or New Year at or after @t on a tick. */
static GDateTime *
first_tick (double      t,
            const Step *step)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc ((gint64) floor (t));
  int year = g_date_time_get_year (start);
  GDateTime *when;

  if (step->unit == STEP_DAYS)
    when = g_date_time_new_utc (year, g_date_time_get_month (start), g_date_time_get_day_of_month (start), 0, 0, 0);
  else if (step->unit == STEP_MONTHS)
    when = g_date_time_new_utc (year, g_date_time_get_month (start), 1, 0, 0, 0);
  else
    when = g_date_time_new_utc (year, 1, 1, 0, 0, 0);
  while (when != NULL && ((double) g_date_time_to_unix (when) < t || !on_step (when, step)))
    {
      GDateTime *next = step->unit == STEP_DAYS ? g_date_time_add_days (when, 1)
                        : step->unit == STEP_MONTHS ? g_date_time_add_months (when, 1)
                        : g_date_time_add_years (when, 1);

      g_date_time_unref (when);
      when = next;
    }
  return when;
}

static GDateTime *
next_tick (GDateTime  *when,
           const Step *step)
{
  switch (step->unit)
    {
    case STEP_DAYS:
      return g_date_time_add_days (when, step->size);
    case STEP_MONTHS:
      return g_date_time_add_months (when, step->size);
    case STEP_YEARS:
    default:
      return g_date_time_add_years (when, step->size);
    }
}

/* A tick's label: the year is written on the first and where it turns. */
static char *
tick_label (GDateTime  *when,
            const Step *step,
            gboolean    with_year)
{
  int month = g_date_time_get_month (when);

  if (step->unit == STEP_YEARS)
    return g_date_time_format (when, "%Y");
  if (step->unit == STEP_MONTHS && step->size == 3)
    /* Translators: a quarter on the timeline's axis, "Q2" or "Q2 2026" */
    return with_year || month == 1 ? g_strdup_printf (_("Q%d %d"), (month - 1) / 3 + 1, g_date_time_get_year (when))
                                   : g_strdup_printf (_("Q%d"), (month - 1) / 3 + 1);
  if (step->unit == STEP_MONTHS)
    /* Translators: a month on the timeline's axis (g_date_time_format()), "Jun" and "Jan 2026" */
    return g_date_time_format (when, with_year || month == 1 ? _("%b %Y") : _("%b"));
  /* Translators: a day on the timeline's axis (g_date_time_format()), "30 Jun" and "5 Jan 2026" */
  return g_date_time_format (when, with_year || (month == 1 && g_date_time_get_day_of_month (when) <= step->size)
                                   ? _("%-d %b %Y") : _("%-d %b"));
}

static void
tick_clear (MwTimelineTick *tick)
{
  g_clear_pointer (&tick->label, g_free);
}

/* Text is measured, and each label centred on its tick but kept inside
 * the chart. */
static GArray *
make_ticks (cairo_t        *cr,
            const Geometry *geometry,
            const Axis     *axis,
            const Step     *step,
            double          width)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (MwTimelineTick));
  g_autoptr(GDateTime) when = first_tick (axis->t0 - (axis->x0 - geometry->left) / (axis->x1 - axis->x0)
                                          * (axis->t1 - axis->t0), step);

  g_array_set_clear_func (ticks, (GDestroyNotify)tick_clear);
  while (when != NULL && ticks->len <= MAX_TICKS)
    {
      MwTimelineTick tick = { 0 };
      g_autoptr(PangoLayout) layout = NULL;
      GDateTime *next;
      int text_width, text_height;

      tick.x = axis_x (axis, (double) g_date_time_to_unix (when));
      if (tick.x > geometry->right)
        break;
      tick.label = tick_label (when, step, ticks->len == 0);
      layout = new_layout (cr, geometry, tick.label, FALSE);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      tick.label_width = text_width;
      tick.label_x = CLAMP (tick.x - text_width / 2.0, 0, MAX (0, width - text_width));
      g_array_append_val (ticks, tick);
      next = next_tick (when, step);
      g_date_time_unref (when);
      when = next;
    }
  return ticks;
}

static gboolean
ticks_fit (const Geometry *geometry,
           GArray         *ticks)
{
  if (ticks->len > MAX_TICKS)
    return FALSE;
  for (guint k = 1; k < ticks->len; k++)
    {
      const MwTimelineTick *before = &g_array_index (ticks, MwTimelineTick, k - 1);
      const MwTimelineTick *after = &g_array_index (ticks, MwTimelineTick, k);

      if (before->label_x + before->label_width + LABEL_GAP * geometry->em > after->label_x)
        return FALSE;
    }
  return TRUE;
}

/* The finest calendar step whose labels fit side by side. */
static GArray *
choose_ticks (cairo_t        *cr,
              const Geometry *geometry,
              const Axis     *axis,
              double          width)
{
  GArray *ticks = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      /* skip steps that would give far too many ticks without building them */
      double span_days = (axis->t1 - axis->t0) / SECONDS_PER_DAY;
      double step_days = steps[s].unit == STEP_DAYS ? steps[s].size
                         : steps[s].unit == STEP_MONTHS ? steps[s].size * 30.4 : steps[s].size * 365.2;

      if (span_days / step_days > 2 * MAX_TICKS && s + 1 < G_N_ELEMENTS (steps))
        continue;
      g_clear_pointer (&ticks, g_array_unref);
      ticks = make_ticks (cr, geometry, axis, &steps[s], width);
      if (ticks_fit (geometry, ticks))
        return ticks;
    }
  /* nothing fits (a very narrow chart): only the first label */
  if (ticks->len > 1)
    g_array_set_size (ticks, 1);
  return ticks;
}

/**
 * mw_render_timeline_ticks:
 * @cr: where the labels would be drawn (for their extents)
 *
 * Returns: (transfer full) (element-type MwTimelineTick): the ticks of the
 *   time axis, left to right, as mw_render_timeline() draws them
 */
GArray *
mw_render_timeline_ticks (cairo_t                 *cr,
                          MwSeries                *series,
                          double                   width,
                          double                   height,
                          const MwTimelineOptions *options)
{
  MwTimelineOptions defaults = { FALSE, -1, 10 };
  Geometry geometry;
  Axis axis;
  g_autofree double *xs = NULL;

  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (MW_IS_SERIES (series), NULL);

  get_geometry (width, height, options != NULL ? options : &defaults, &geometry);
  xs = place_points (series, &geometry, &axis);
  return choose_ticks (cr, &geometry, &axis, width);
}

static void
draw_time_axis (cairo_t                 *cr,
                const Geometry          *geometry,
                GArray                  *ticks,
                const MwTimelineOptions *options)
{
  cairo_set_line_width (cr, 1);
  for (guint k = 0; k < ticks->len; k++)
    {
      const MwTimelineTick *tick = &g_array_index (ticks, MwTimelineTick, k);
      double x = round (tick->x) + 0.5;

      set_ink (cr, options->dark, 0.08);
      cairo_move_to (cr, x, geometry->top);
      cairo_line_to (cr, x, geometry->bottom);
      cairo_stroke (cr);
      set_ink (cr, options->dark, 0.6);
      cairo_move_to (cr, x, geometry->bottom);
      cairo_line_to (cr, x, geometry->bottom + 0.3 * geometry->em);
      cairo_stroke (cr);
      set_ink (cr, options->dark, 0.8);
      show_text (cr, geometry, tick->label, tick->label_x, geometry->bottom + TICK_LABEL_DROP * geometry->em, 0, 0, FALSE);
    }
}

/* Under each point, the snapshot's number in a tag; a dashed tag and a
 * dashed rule through the plot for a date that is a guess; a hatched band
 * where a missing snapshot's points would be. */
static void
draw_snapshot_marks (cairo_t                 *cr,
                     MwSeries                *series,
                     const Geometry          *geometry,
                     const double            *xs,
                     const MwTimelineOptions *options)
{
  static const double dash[] = { 3, 3 };
  guint n = mw_series_get_n_snapshots (series);

  for (guint i = 0; i < n; i++)
    {
      const MwSnapshot *snapshot = mw_series_get_snapshot (series, i);
      g_autofree char *number = g_strdup_printf (date_guessed (snapshot) ? "%u?" : "%u", i + 1);
      g_autoptr(PangoLayout) layout = new_layout (cr, geometry, number, (int) i == options->selected);
      double x = xs[i];
      int text_width, text_height;

      if ((int) i == options->selected)
        {
          cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, options->dark ? 0.30 : 0.16);
          cairo_rectangle (cr, x - 1.1 * geometry->em, geometry->top - 0.5 * geometry->em,
                           2.2 * geometry->em, geometry->bottom - geometry->top + (TAG_DROP + 1.7) * geometry->em);
          cairo_fill (cr);
        }
      cairo_set_line_width (cr, 1);
      if (snapshot->scores == NULL)
        {
          set_ink (cr, options->dark, 0.25);
          for (double y = geometry->top; y < geometry->bottom; y += geometry->em)
            {
              cairo_move_to (cr, x - 0.8 * geometry->em, y + 0.8 * geometry->em);
              cairo_line_to (cr, x + 0.8 * geometry->em, y);
            }
          cairo_stroke (cr);
        }
      if (date_guessed (snapshot))
        {
          cairo_save (cr);
          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          set_ink (cr, options->dark, 0.35);
          cairo_move_to (cr, round (x) + 0.5, geometry->top);
          cairo_line_to (cr, round (x) + 0.5, geometry->bottom);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      cairo_save (cr);
      if (date_guessed (snapshot))
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      set_ink (cr, options->dark, 0.6);
      cairo_rectangle (cr, round (x - text_width / 2.0 - 3) + 0.5, round (geometry->bottom + TAG_DROP * geometry->em) + 0.5,
                       text_width + 6, text_height);
      cairo_stroke (cr);
      cairo_restore (cr);
      set_ink (cr, options->dark, 0.9);
      cairo_move_to (cr, x - text_width / 2.0, geometry->bottom + TAG_DROP * geometry->em);
      pango_cairo_show_layout (cr, layout);
    }
}

/* A line joins neighbours in time that both have a value: a gap stays a
 * gap. A value between two gaps is still a point. */
static void
draw_line (cairo_t                 *cr,
           MwSeries                *series,
           const Geometry          *geometry,
           const double            *xs,
           const MwTimelineOptions *options,
           guint                    line)
{
  guint n = 0;
  g_autofree guint *order = mw_timeline_dup_order (series, &n);
  gboolean previous = FALSE;
  double value;

  set_line_colour (cr, line, options->dark);
  cairo_set_line_width (cr, line == MW_TIMELINE_INDEX_LINE ? 3.5 : 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint k = 0; k < n; k++)
    {
      gboolean has = mw_timeline_get_value (mw_series_get_snapshot (series, order[k]), line, &value);

      if (has && previous)
        cairo_line_to (cr, xs[order[k]], value_y (geometry, value));
      else if (has)
        cairo_move_to (cr, xs[order[k]], value_y (geometry, value));
      previous = has;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      double r = geometry->em * ((int) i == options->selected ? 0.42 : 0.3);

      if (!mw_timeline_get_value (mw_series_get_snapshot (series, i), line, &value))
        continue;
      if ((int) i == options->selected)
        {
          /* a ring in the background's colour, so the point stands out */
          cairo_set_source_rgb (cr, options->dark ? 0.14 : 1, options->dark ? 0.14 : 1, options->dark ? 0.14 : 1);
          cairo_arc (cr, xs[i], value_y (geometry, value), r * 1.9, 0, 2 * G_PI);
          cairo_fill (cr);
          set_line_colour (cr, line, options->dark);
        }
      draw_mark (cr, line_styles[line].mark, xs[i], value_y (geometry, value), r);
    }
}

/* A grid at the top: each line's marker and name. */
static void
draw_legend (cairo_t                 *cr,
             const Geometry          *geometry,
             const MwTimelineOptions *options)
{
  for (guint k = 0; k < MW_TIMELINE_N_LINES; k++)
    {
      /* the index first, then the elements in their order */
      guint line = k == 0 ? MW_TIMELINE_INDEX_LINE : k - 1;
      double x = geometry->left + (k % geometry->legend_columns) * geometry->legend_column_width;
      double y = (0.4 + (k / geometry->legend_columns) * LEGEND_ROW) * geometry->em;

      set_line_colour (cr, line, options->dark);
      cairo_set_line_width (cr, line == MW_TIMELINE_INDEX_LINE ? 3.5 : 2);
      cairo_move_to (cr, x, y + 0.7 * geometry->em);
      cairo_line_to (cr, x + 1.8 * geometry->em, y + 0.7 * geometry->em);
      cairo_stroke (cr);
      draw_mark (cr, line_styles[line].mark, x + 0.9 * geometry->em, y + 0.7 * geometry->em, 0.3 * geometry->em);
      set_ink (cr, options->dark, 0.9);
      /* Translators: the index's line in the chart's legend */
      show_text (cr, geometry, line == MW_TIMELINE_INDEX_LINE ? _("Index") : mw_timeline_get_line_title (line),
                 x + 2.2 * geometry->em, y, 0,
                 geometry->legend_column_width - 2.8 * geometry->em, line == MW_TIMELINE_INDEX_LINE);
    }
}

/**
 * mw_render_timeline:
 * @options: (nullable): light, nothing selected, 10 points when %NULL
 *
 * Draws the chart of a series whose snapshots are loaded into
 * @width × @height on @cr, background included.
 */
void
mw_render_timeline (cairo_t                 *cr,
                    MwSeries                *series,
                    double                   width,
                    double                   height,
                    const MwTimelineOptions *options)
{
  MwTimelineOptions defaults = { FALSE, -1, 10 };
  Geometry geometry;
  Axis axis;
  g_autofree double *xs = NULL;
  g_autoptr(GArray) ticks = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (MW_IS_SERIES (series));

  if (options == NULL)
    options = &defaults;
  get_geometry (width, height, options, &geometry);
  xs = place_points (series, &geometry, &axis);
  ticks = choose_ticks (cr, &geometry, &axis, width);

  cairo_save (cr);
  if (options->dark)
    cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  draw_snapshot_marks (cr, series, &geometry, xs, options);
  draw_axes (cr, &geometry, options);
  draw_time_axis (cr, &geometry, ticks, options);
  for (guint line = 0; line < MW_TIMELINE_N_LINES; line++)
    draw_line (cr, series, &geometry, xs, options, line);
  draw_legend (cr, &geometry, options);
  cairo_restore (cr);
}
