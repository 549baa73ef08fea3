/* mw-appearance.c: colour, size and label of actors by an attribute or a measure
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A mapping is three graph attributes (mw_color_by, mw_size_by,
 * mw_label_by), each naming a source. MwAppearanceMap evaluates them for
 * every actor at once: categories or ramp steps for colour, a share of the
 * largest area for size, a text for the label. It sits in scores/ because
 * measures are sources too; the renderer only turns classes into colours.
 */

#define G_LOG_DOMAIN "meshwork-appearance"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "mw-actor-measures.h"
#include "mw-appearance.h"
#include "mw-interpret.h"

/* The smallest share of the largest area an actor of size 0 keeps, so
 * that every actor stays visible and clickable. */
#define MIN_SHARE 0.06

static const char * const attr_names[MW_N_APPEARANCE_CHANNELS] = {
  MW_APPEARANCE_COLOR_ATTR, MW_APPEARANCE_SIZE_ATTR, MW_APPEARANCE_LABEL_ATTR,
};

static const char * const measures[] = {
  "degree_in", "degree_out", "betweenness", "constraint", "boundary_spanning", "boundary_spanning_org", NULL,
};

static const char * const fields[] = { "label", "kind", "org", "unit", "notes", NULL };

struct _MwAppearanceMap
{
  char       *source[MW_N_APPEARANCE_CHANNELS];
  gboolean    color_numeric;
  GArray     *color_class;   /* int by actor: a category, a ramp step, -1 */
  GPtrArray  *categories;    /* char*, in colour order */
  gboolean    has_other;
  double      range[MW_N_APPEARANCE_CHANNELS][2];
  gboolean    has_range[MW_N_APPEARANCE_CHANNELS];
  GArray     *size_share;    /* double by actor; NAN: today's size */
  GPtrArray  *labels;        /* char* by actor; NULL: today's label */
};

const char *
mw_appearance_attr_name (MwAppearanceChannel channel)
{
  g_return_val_if_fail (channel < MW_N_APPEARANCE_CHANNELS, NULL);
  return attr_names[channel];
}

/**
 * mw_appearance_get_source:
 *
 * Returns: (transfer full) (nullable): the source @channel is drawn by, or
 *   %NULL for today's style
 */
char *
mw_appearance_get_source (MwNetwork           *network,
                          MwAppearanceChannel  channel)
{
  const char *value;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  g_return_val_if_fail (channel < MW_N_APPEARANCE_CHANNELS, NULL);
  value = g_hash_table_lookup (mw_network_get_attrs (network), attr_names[channel]);
  return value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}

/**
 * mw_appearance_set_source:
 * @source: (nullable): the source, or %NULL (or "") for today's style
 *
 * Sets a channel's source as one undo step.
 *
 * Returns: %TRUE when it changed
 */
gboolean
mw_appearance_set_source (MwHistory           *history,
                          MwAppearanceChannel  channel,
                          const char          *source)
{
  static const char * const names[] = { N_("Colour Actors By"), N_("Size Actors By"), N_("Label Actors By") };
  MwNetwork *network;
  MwEdit *edit;

  g_return_val_if_fail (MW_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (channel < MW_N_APPEARANCE_CHANNELS, FALSE);
  network = mw_history_get_network (history);
  edit = mw_history_begin (history, _(names[channel]));
  mw_edit_touch_network_attr (edit, attr_names[channel]);
  mw_network_set_attr (network, attr_names[channel], source != NULL && source[0] != '\0' ? source : NULL);
  return mw_history_commit (history, edit);
}

/* The measures a mapping may use, as `meshwork-cli table` names them. */
const char * const *
mw_appearance_list_measures (void)
{
  return measures;
}

gboolean
mw_appearance_is_measure (const char *source)
{
  return source != NULL && g_strv_contains (measures, source);
}

/* Each actor's value of an actor field or attribute; NULL for none. */
static GPtrArray *
attribute_texts (MwNetwork  *network,
                 const char *source)
{
  guint n = mw_network_get_n_actors (network);
  GPtrArray *texts = g_ptr_array_new_full (n, g_free);
  GHashTable *defaults = mw_network_get_node_defaults (network);

  for (guint v = 0; v < n; v++)
    {
      MwActor *actor = mw_network_get_actor (network, v);
      const char *value;

      if (strcmp (source, "label") == 0)
        value = actor->label;
      else if (strcmp (source, "kind") == 0)
        value = mw_actor_kind_to_string (actor->kind);
      else if (strcmp (source, "org") == 0)
        value = actor->org;
      else if (strcmp (source, "unit") == 0)
        value = actor->unit;
      else if (strcmp (source, "notes") == 0)
        value = actor->notes;
      else if ((value = g_hash_table_lookup (actor->attrs, source)) == NULL)
        value = g_hash_table_lookup (defaults, source);
      g_ptr_array_add (texts, value != NULL && value[0] != '\0' ? g_strdup (value) : NULL);
    }
  return texts;
}

static double
measure_value (MwActorMeasures *m,
               const char      *source,
               guint            v)
{
  if (strcmp (source, "degree_in") == 0)
    return mw_actor_measures_degree (m, v, MW_N_TIE_TYPES, FALSE);
  if (strcmp (source, "degree_out") == 0)
    return mw_actor_measures_degree (m, v, MW_N_TIE_TYPES, TRUE);
  if (strcmp (source, "betweenness") == 0)
    return mw_actor_measures_betweenness (m, v);
  if (strcmp (source, "constraint") == 0)
    return mw_actor_measures_constraint (m, v);
  if (strcmp (source, "boundary_spanning") == 0)
    return mw_actor_measures_boundary_spanning (m, v);
  return mw_actor_measures_boundary_spanning_org (m, v);
}

/* Each actor's value of @source as text (measures in full precision). */
static GPtrArray *
source_texts (MwNetwork        *network,
              const char       *source,
              MwActorMeasures **m)
{
  guint n = mw_network_get_n_actors (network);
  GPtrArray *texts;

  if (!mw_appearance_is_measure (source))
    return attribute_texts (network, source);
  if (*m == NULL)
    *m = mw_actor_measures_compute (network, 0);
  texts = g_ptr_array_new_full (n, g_free);
  for (guint v = 0; v < n; v++)
    {
      double value = measure_value (*m, source, v);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_ptr_array_add (texts, isfinite (value) ? g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)) : NULL);
    }
  return texts;
}

/* The values as numbers (NAN where none) when every value is one. */
static GArray *
parse_numbers (GPtrArray *texts,
               double    *min,
               double    *max)
{
  GArray *numbers = g_array_sized_new (FALSE, FALSE, sizeof (double), texts->len);
  guint n_values = 0;

  *min = G_MAXDOUBLE, *max = -G_MAXDOUBLE;
  for (guint v = 0; v < texts->len; v++)
    {
      const char *text = g_ptr_array_index (texts, v);
      double value = NAN;
      char *end = NULL;

      if (text != NULL)
        {
          value = g_ascii_strtod (text, &end);
          if (end == text || *end != '\0' || !isfinite (value))
            {
              g_array_unref (numbers);
              return NULL;
            }
          *min = MIN (*min, value), *max = MAX (*max, value);
          n_values++;
        }
      g_array_append_val (numbers, value);
    }
  if (n_values == 0)
    g_clear_pointer (&numbers, g_array_unref);
  return numbers;
}

typedef struct
{
  const char *value;
  guint       count;
} Category;

static int
by_count (gconstpointer a,
          gconstpointer b)
{
  const Category *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->value, y->value);
}

static int
by_value (gconstpointer a,
          gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Categories: the most frequent values get a colour each, in the order of
 * their text, so that the same values get the same colours whatever the
 * actors' order. */
static void
classify_categories (MwAppearanceMap *self,
                     GPtrArray       *texts)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (Category));
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  for (guint v = 0; v < texts->len; v++)
    if (g_ptr_array_index (texts, v) != NULL)
      {
        const char *text = g_ptr_array_index (texts, v);

        g_hash_table_insert (counts, (gpointer)text,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, text)) + 1));
      }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_array_append_val (list, ((Category) { key, GPOINTER_TO_UINT (value) }));
  g_array_sort (list, by_count);
  for (guint i = 0; i < list->len && i < MW_APPEARANCE_N_CATEGORIES; i++)
    g_ptr_array_add (self->categories, g_strdup (g_array_index (list, Category, i).value));
  g_ptr_array_sort (self->categories, by_value);
  for (guint i = 0; i < self->categories->len; i++)
    g_hash_table_insert (index, g_ptr_array_index (self->categories, i), GUINT_TO_POINTER (i + 1));

  for (guint v = 0; v < texts->len; v++)
    {
      const char *text = g_ptr_array_index (texts, v);
      int c = text == NULL ? -1 : (int)GPOINTER_TO_UINT (g_hash_table_lookup (index, text)) - 1;

      if (text != NULL && c < 0)
        c = MW_APPEARANCE_OTHER, self->has_other = TRUE;
      g_array_append_val (self->color_class, c);
    }
}

/* Where @value lies between min and max, 0…1 (the middle when all are equal). */
static double
position (const double *range,
          double        value)
{
  return range[1] > range[0] ? (value - range[0]) / (range[1] - range[0]) : 0.5;
}

static void
classify_colors (MwAppearanceMap  *self,
                 MwNetwork        *network,
                 MwActorMeasures **m)
{
  g_autoptr(GPtrArray) texts = source_texts (network, self->source[MW_APPEARANCE_COLOR], m);
  double *range = self->range[MW_APPEARANCE_COLOR];
  g_autoptr(GArray) numbers = parse_numbers (texts, &range[0], &range[1]);

  if (numbers == NULL)
    {
      classify_categories (self, texts);
      return;
    }
  self->color_numeric = self->has_range[MW_APPEARANCE_COLOR] = TRUE;
  for (guint v = 0; v < numbers->len; v++)
    {
      double value = g_array_index (numbers, double, v);
      int step = isnan (value) ? -1 : (int)floor (position (range, value) * MW_APPEARANCE_RAMP_STEPS);

      step = MIN (step, MW_APPEARANCE_RAMP_STEPS - 1);
      g_array_append_val (self->color_class, step);
    }
}

/* Area in proportion to the value: to its distance from the smaller of 0
 * and the least value, so that negative values still order. */
static void
classify_sizes (MwAppearanceMap  *self,
                MwNetwork        *network,
                MwActorMeasures **m)
{
  g_autoptr(GPtrArray) texts = source_texts (network, self->source[MW_APPEARANCE_SIZE], m);
  double *range = self->range[MW_APPEARANCE_SIZE];
  g_autoptr(GArray) numbers = parse_numbers (texts, &range[0], &range[1]);
  double zero;

  if (numbers == NULL)
    return;
  self->has_range[MW_APPEARANCE_SIZE] = TRUE;
  zero = MIN (0, range[0]);
  for (guint v = 0; v < numbers->len; v++)
    {
      double value = g_array_index (numbers, double, v);
      double share = range[1] > zero ? (value - zero) / (range[1] - zero) : 1;

      g_array_index (self->size_share, double, v) = isnan (value) ? NAN : CLAMP (share, MIN_SHARE, 1);
    }
}

static void
classify_labels (MwAppearanceMap  *self,
                 MwNetwork        *network,
                 MwActorMeasures **m)
{
  const char *source = self->source[MW_APPEARANCE_LABEL];
  g_autoptr(GPtrArray) texts = NULL;

  /* the name is the usual label, shown as people see it (records, HTML-like text) */
  if (g_str_equal (source, "label"))
    return;
  texts = source_texts (network, source, m);
  for (guint v = 0; v < texts->len; v++)
    {
      char *text = g_steal_pointer (&g_ptr_array_index (texts, v));

      /* measures as people read them, not to seventeen digits */
      if (text != NULL && mw_appearance_is_measure (source))
        {
          char *short_text = g_strdup_printf ("%.3g", g_ascii_strtod (text, NULL));

          g_free (text);
          text = short_text;
        }
      g_ptr_array_index (self->labels, v) = text;
    }
}

/**
 * mw_appearance_map_new:
 *
 * Evaluates the network's mapping for every actor; measures are computed
 * only when a channel uses one.
 *
 * Returns: (transfer full): the map
 */
MwAppearanceMap *
mw_appearance_map_new (MwNetwork *network)
{
  MwAppearanceMap *self;
  g_autoptr(MwActorMeasures) m = NULL;
  guint n;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  n = mw_network_get_n_actors (network);
  self = g_new0 (MwAppearanceMap, 1);
  for (guint c = 0; c < MW_N_APPEARANCE_CHANNELS; c++)
    self->source[c] = mw_appearance_get_source (network, c);
  self->color_class = g_array_sized_new (FALSE, FALSE, sizeof (int), n);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->size_share = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  g_array_set_size (self->size_share, n);
  for (guint v = 0; v < n; v++)
    g_array_index (self->size_share, double, v) = NAN;
  self->labels = g_ptr_array_new_full (n, g_free);
  g_ptr_array_set_size (self->labels, n);

  if (self->source[MW_APPEARANCE_COLOR] != NULL)
    classify_colors (self, network, &m);
  if (self->source[MW_APPEARANCE_SIZE] != NULL)
    classify_sizes (self, network, &m);
  if (self->source[MW_APPEARANCE_LABEL] != NULL)
    classify_labels (self, network, &m);
  return self;
}

void
mw_appearance_map_free (MwAppearanceMap *self)
{
  if (self == NULL)
    return;
  for (guint c = 0; c < MW_N_APPEARANCE_CHANNELS; c++)
    g_free (self->source[c]);
  g_array_unref (self->color_class);
  g_ptr_array_unref (self->categories);
  g_array_unref (self->size_share);
  g_ptr_array_unref (self->labels);
  g_free (self);
}

/* How many actors it was evaluated for. */
guint
mw_appearance_map_get_n_actors (MwAppearanceMap *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->size_share->len;
}

/* (nullable): the source of @channel, NULL for today's style. */
const char *
mw_appearance_map_get_source (MwAppearanceMap     *self,
                              MwAppearanceChannel  channel)
{
  g_return_val_if_fail (self != NULL && channel < MW_N_APPEARANCE_CHANNELS, NULL);
  return self->source[channel];
}

gboolean
mw_appearance_map_color_is_numeric (MwAppearanceMap *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->color_numeric;
}

/* A category (0…MW_APPEARANCE_OTHER) or a ramp step (0…RAMP_STEPS − 1);
 * -1 when the actor has no value or colour is not mapped. */
int
mw_appearance_map_color_class (MwAppearanceMap *self,
                               guint            actor)
{
  g_return_val_if_fail (self != NULL, -1);
  return actor < self->color_class->len ? g_array_index (self->color_class, int, actor) : -1;
}

guint
mw_appearance_map_get_n_categories (MwAppearanceMap *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->categories->len;
}

const char *
mw_appearance_map_get_category (MwAppearanceMap *self,
                                guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->categories->len, NULL);
  return g_ptr_array_index (self->categories, index);
}

/* Whether some values share the "Other" colour. */
gboolean
mw_appearance_map_has_other (MwAppearanceMap *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->has_other;
}

/* The least and greatest value of a numeric colour or size source. */
gboolean
mw_appearance_map_get_range (MwAppearanceMap     *self,
                             MwAppearanceChannel  channel,
                             double              *min,
                             double              *max)
{
  g_return_val_if_fail (self != NULL && channel < MW_N_APPEARANCE_CHANNELS, FALSE);
  if (!self->has_range[channel])
    return FALSE;
  if (min != NULL)
    *min = self->range[channel][0];
  if (max != NULL)
    *max = self->range[channel][1];
  return TRUE;
}

/* The actor's area as a share of the largest (MIN_SHARE…1); NAN: today's size. */
double
mw_appearance_map_size_share (MwAppearanceMap *self,
                              guint            actor)
{
  g_return_val_if_fail (self != NULL, NAN);
  return actor < self->size_share->len ? g_array_index (self->size_share, double, actor) : NAN;
}

/* (nullable): the actor's label by the mapping; NULL: today's label. */
const char *
mw_appearance_map_label (MwAppearanceMap *self,
                         guint            actor)
{
  g_return_val_if_fail (self != NULL, NULL);
  return actor < self->labels->len ? g_ptr_array_index (self->labels, actor) : NULL;
}

/* Whether every actor's value of @source is a number. */
static gboolean
is_numeric (MwNetwork  *network,
            const char *source)
{
  g_autoptr(GPtrArray) texts = attribute_texts (network, source);
  double min, max;
  g_autoptr(GArray) numbers = parse_numbers (texts, &min, &max);

  return numbers != NULL;
}

/**
 * mw_appearance_list_sources:
 * @numeric_only: only sources with numbers (for size)
 *
 * Returns: (transfer full): the actor fields, the file's own attributes and
 *   the measures a mapping may use, in that order
 */
GStrv
mw_appearance_list_sources (MwNetwork *network,
                            gboolean   numeric_only)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) own = NULL;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  own = mw_interpret_list_actor_attrs (network);
  if (!numeric_only)
    g_strv_builder_addv (builder, (const char **)fields);
  for (guint i = 0; own[i] != NULL; i++)
    if (!g_strv_contains (fields, own[i]) && !g_str_has_prefix (own[i], "mw_") &&
        (!numeric_only || is_numeric (network, own[i])))
      g_strv_builder_add (builder, own[i]);
  g_strv_builder_addv (builder, (const char **)measures);
  return g_strv_builder_end (builder);
}

/**
 * mw_appearance_source_title:
 *
 * Returns: (transfer none): a source's name for people: the field's or
 *   measure's title, translated, or the file's own attribute name as is
 */
const char *
mw_appearance_source_title (const char *source)
{
  static const struct { const char *source, *title; } titles[] = {
    { "label", N_("Name") },
    { "kind", N_("Kind") },
    { "org", N_("Organisation") },
    { "unit", N_("Unit") },
    { "notes", N_("Notes") },
    { "degree_in", N_("Ties in") },
    { "degree_out", N_("Ties out") },
    { "betweenness", N_("Betweenness") },
    { "constraint", N_("Constraint") },
    { "boundary_spanning", N_("Boundary spanning") },
    { "boundary_spanning_org", N_("Ties to other organisations") },
  };

  g_return_val_if_fail (source != NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (source, titles[i].source))
      return _(titles[i].title);
  return source;
}
