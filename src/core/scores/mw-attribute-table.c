/* mw-attribute-table.c: a network as a table — which columns exist, each cell as text, sort keys, edits
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mw-attribute-table.h"
#include "mw-interpret.h"

/* The fields and measures a column can show; attributes use ATTRIBUTE. */
enum
{
  COL_ID, COL_LABEL, COL_KIND, COL_ORG, COL_UNIT, COL_NOTES, COL_PURPOSE, COL_INITIATIVE,
  COL_FROM, COL_TO, COL_TYPE, COL_WEIGHT,
  COL_ATTRIBUTE,
  COL_DEGREE_IN, COL_DEGREE_OUT,
  COL_DEGREE_TYPE,   /* + 2 × type + out: eight columns */
  COL_BETWEENNESS = COL_DEGREE_TYPE + 2 * MW_N_TIE_TYPES,
  COL_CONSTRAINT, COL_SPANNING, COL_SPANNING_ORG,
};

struct _MwAttributeTable
{
  MwNetwork   *network;
  MwTableKind  kind;
  GPtrArray   *columns;   /* MwTableColumn* */
};

struct _MwTableSortKeys
{
  MwCellKind  kind;
  guint       n;
  double     *numbers;   /* NAN: no value, sorted last */
  char      **texts;     /* collation keys; NULL: no value, sorted last */
};

static const char * const type_names[] = { "reports", "collaborates", "influences", "checks" };
static const char * const type_titles[][2] = {
  { N_("Reports In"), N_("Reports Out") },
  { N_("Collaborates In"), N_("Collaborates Out") },
  { N_("Influences In"), N_("Influences Out") },
  { N_("Checks In"), N_("Checks Out") },
};

static void
column_free (MwTableColumn *column)
{
  g_free (column->name);
  g_free (column->title);
  g_free (column);
}

static void
add_column (MwAttributeTable *self,
            const char       *name,
            const char       *title,
            MwColumnSource    source,
            MwCellKind        kind,
            guint             id,
            gboolean          editable)
{
  MwTableColumn *column = g_new0 (MwTableColumn, 1);

  column->name = g_strdup (name);
  column->title = g_strdup (title != NULL ? title : name);
  column->source = source;
  column->kind = kind;
  column->id = id;
  column->editable = editable;
  g_ptr_array_add (self->columns, column);
}

/* The file's own attributes, in name order, but for those a fixed column already shows. */
static void
add_own_columns (MwAttributeTable   *self,
                 const char * const *fixed)
{
  g_auto(GStrv) names = self->kind == MW_TABLE_ACTORS ? mw_interpret_list_actor_attrs (self->network)
                                                      : mw_interpret_list_tie_attrs (self->network);

  for (guint i = 0; names[i] != NULL; i++)
    if (!g_strv_contains (fixed, names[i]))
      add_column (self, names[i], NULL, MW_COLUMN_ATTRIBUTE, MW_CELL_TEXT, COL_ATTRIBUTE, TRUE);
}

static void
add_actor_columns (MwAttributeTable *self)
{
  static const char * const fixed[] = {
    "id", "label", "kind", "org", "unit", "notes", "purpose", "initiative", "degree_in", "degree_out",
    "betweenness", "constraint", "boundary_spanning", "boundary_spanning_org", NULL
  };

  add_column (self, "id", N_("ID"), MW_COLUMN_FIELD, MW_CELL_TEXT, COL_ID, FALSE);
  add_column (self, "label", N_("Label"), MW_COLUMN_FIELD, MW_CELL_TEXT, COL_LABEL, TRUE);
  add_column (self, "kind", N_("Kind"), MW_COLUMN_FIELD, MW_CELL_TEXT, COL_KIND, TRUE);
  add_column (self, "org", N_("Organisation"), MW_COLUMN_FIELD, MW_CELL_TEXT, COL_ORG, TRUE);
  add_column (self, "unit", N_("Unit"), MW_COLUMN_FIELD, MW_CELL_TEXT, COL_UNIT, TRUE);
  add_column (self, "notes", N_("Notes"), MW_COLUMN_FIELD, MW_CELL_TEXT, COL_NOTES, TRUE);
  add_column (self, "purpose", N_("Purpose"), MW_COLUMN_FIELD, MW_CELL_BOOL, COL_PURPOSE, TRUE);
  add_column (self, "initiative", N_("Initiative"), MW_COLUMN_FIELD, MW_CELL_BOOL, COL_INITIATIVE, TRUE);
  add_own_columns (self, fixed);
  add_column (self, "degree_in", N_("Ties In"), MW_COLUMN_MEASURE, MW_CELL_NUMBER, COL_DEGREE_IN, FALSE);
  add_column (self, "degree_out", N_("Ties Out"), MW_COLUMN_MEASURE, MW_CELL_NUMBER, COL_DEGREE_OUT, FALSE);
  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    for (guint out = 0; out < 2; out++)
      {
        g_autofree char *name = g_strdup_printf ("degree_%s_%s", type_names[t], out ? "out" : "in");

        add_column (self, name, type_titles[t][out], MW_COLUMN_MEASURE, MW_CELL_NUMBER,
                    COL_DEGREE_TYPE + 2 * t + out, FALSE);
      }
  add_column (self, "betweenness", N_("Betweenness"), MW_COLUMN_MEASURE, MW_CELL_NUMBER, COL_BETWEENNESS, FALSE);
  add_column (self, "constraint", N_("Constraint"), MW_COLUMN_MEASURE, MW_CELL_NUMBER, COL_CONSTRAINT, FALSE);
  add_column (self, "boundary_spanning", N_("Boundary Spanning"), MW_COLUMN_MEASURE, MW_CELL_NUMBER,
              COL_SPANNING, FALSE);
  add_column (self, "boundary_spanning_org", N_("Spanning Organisations"), MW_COLUMN_MEASURE, MW_CELL_NUMBER,
              COL_SPANNING_ORG, FALSE);
}

static void
add_tie_columns (MwAttributeTable *self)
{
  static const char * const fixed[] = { "id", "from", "to", "type", "weight", NULL };

  add_column (self, "id", N_("ID"), MW_COLUMN_FIELD, MW_CELL_TEXT, COL_ID, FALSE);
  add_column (self, "from", N_("From"), MW_COLUMN_FIELD, MW_CELL_TEXT, COL_FROM, FALSE);
  add_column (self, "to", N_("To"), MW_COLUMN_FIELD, MW_CELL_TEXT, COL_TO, FALSE);
  add_column (self, "type", N_("Type"), MW_COLUMN_FIELD, MW_CELL_TEXT, COL_TYPE, TRUE);
  add_column (self, "weight", N_("Weight"), MW_COLUMN_FIELD, MW_CELL_NUMBER, COL_WEIGHT, TRUE);
  add_own_columns (self, fixed);
}

/**
 * mw_attribute_table_new:
 *
 * The columns of @network's actors or ties as `meshwork-cli table` prints
 * them: `id`, then `label` (or `from`, `to`), Meshwork's fields, the file's
 * own attributes and, for actors, the measures. The columns are read now:
 * make a new table when the attributes change.
 *
 * Returns: (transfer full): the table
 */
MwAttributeTable *
mw_attribute_table_new (MwNetwork   *network,
                        MwTableKind  kind)
{
  MwAttributeTable *self;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  self = g_new0 (MwAttributeTable, 1);
  self->network = g_object_ref (network);
  self->kind = kind;
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  if (kind == MW_TABLE_ACTORS)
    add_actor_columns (self);
  else
    add_tie_columns (self);

  return self;
}

void
mw_attribute_table_free (MwAttributeTable *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->network);
  g_ptr_array_unref (self->columns);
  g_free (self);
}

MwTableKind
mw_attribute_table_get_kind (MwAttributeTable *self)
{
  g_return_val_if_fail (self != NULL, MW_TABLE_ACTORS);
  return self->kind;
}

/**
 * mw_attribute_table_get_network:
 *
 * Returns: (transfer none): the network the table reads
 */
MwNetwork *
mw_attribute_table_get_network (MwAttributeTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->network;
}

guint
mw_attribute_table_get_n_columns (MwAttributeTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->columns->len;
}

const MwTableColumn *
mw_attribute_table_get_column (MwAttributeTable *self,
                               guint             column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return g_ptr_array_index (self->columns, column);
}

/* Returns: the column called @name, or -1 */
int
mw_attribute_table_find_column (MwAttributeTable *self,
                                const char       *name)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->columns->len; i++)
    if (g_strcmp0 (((MwTableColumn *) g_ptr_array_index (self->columns, i))->name, name) == 0)
      return i;
  return -1;
}

/* Whether @other has the very same columns, so a view need not rebuild its own. */
gboolean
mw_attribute_table_same_columns (MwAttributeTable *self,
                                 MwAttributeTable *other)
{
  g_return_val_if_fail (self != NULL && other != NULL, FALSE);

  if (self->kind != other->kind || self->columns->len != other->columns->len)
    return FALSE;
  for (guint i = 0; i < self->columns->len; i++)
    if (g_strcmp0 (((MwTableColumn *) g_ptr_array_index (self->columns, i))->name,
                   ((MwTableColumn *) g_ptr_array_index (other->columns, i))->name) != 0)
      return FALSE;
  return TRUE;
}

guint
mw_attribute_table_get_n_rows (MwAttributeTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->kind == MW_TABLE_ACTORS ? mw_network_get_n_actors (self->network)
                                       : mw_network_get_n_ties (self->network);
}

static const char *
attr_text (GHashTable *attrs,
           GHashTable *defaults,
           const char *name)
{
  const char *value = g_hash_table_lookup (attrs, name);

  return value != NULL ? value : g_hash_table_lookup (defaults, name);
}

/* The shortest text that reads back as the same double, as the CLI prints it. */
static const char *
number_text (double  value,
             char   *buffer)
{
  return isfinite (value) ? g_ascii_dtostr (buffer, MW_TABLE_TEXT_SIZE, value) : NULL;
}

static const char *
count_text (guint  value,
            char  *buffer)
{
  g_snprintf (buffer, MW_TABLE_TEXT_SIZE, "%u", value);
  return buffer;
}

static const char *
measure_text (const MwTableColumn *column,
              guint                v,
              MwActorMeasures     *measures,
              char                *buffer)
{
  if (measures == NULL || v >= mw_actor_measures_get_n (measures))
    return NULL;

  switch (column->id)
    {
    case COL_DEGREE_IN:  return count_text (mw_actor_measures_degree (measures, v, MW_N_TIE_TYPES, FALSE), buffer);
    case COL_DEGREE_OUT: return count_text (mw_actor_measures_degree (measures, v, MW_N_TIE_TYPES, TRUE), buffer);
    case COL_BETWEENNESS: return number_text (mw_actor_measures_betweenness (measures, v), buffer);
    case COL_CONSTRAINT: return number_text (mw_actor_measures_constraint (measures, v), buffer);
    case COL_SPANNING:   return count_text (mw_actor_measures_boundary_spanning (measures, v), buffer);
    case COL_SPANNING_ORG: return count_text (mw_actor_measures_boundary_spanning_org (measures, v), buffer);
    default:
      break;
    }
  return count_text (mw_actor_measures_degree (measures, v, (column->id - COL_DEGREE_TYPE) / 2,
                                               (column->id - COL_DEGREE_TYPE) % 2), buffer);
}

static const char *
actor_text (MwAttributeTable    *self,
            const MwTableColumn *column,
            MwActor             *actor)
{
  switch (column->id)
    {
    case COL_ID:         return actor->id;
    case COL_LABEL:      return actor->label;
    case COL_KIND:       return mw_actor_kind_to_string (actor->kind);
    case COL_ORG:        return actor->org;
    case COL_UNIT:       return actor->unit;
    case COL_NOTES:      return actor->notes;
    case COL_PURPOSE:    return actor->purpose ? "true" : "false";
    case COL_INITIATIVE: return actor->initiative ? "true" : "false";
    default:
      return attr_text (actor->attrs, mw_network_get_node_defaults (self->network), column->name);
    }
}

static const char *
tie_text (MwAttributeTable    *self,
          const MwTableColumn *column,
          MwTie               *tie,
          char                *buffer)
{
  switch (column->id)
    {
    case COL_ID:     return tie->id;
    case COL_FROM:   return tie->from->id;
    case COL_TO:     return tie->to->id;
    case COL_TYPE:   return mw_tie_type_to_string (tie->type);
    case COL_WEIGHT: return number_text (tie->weight, buffer);
    default:
      return attr_text (tie->attrs, mw_network_get_edge_defaults (self->network), column->name);
    }
}

/**
 * mw_attribute_table_peek_text:
 * @measures: (nullable): the network's measures, for the measure columns
 * @buffer: where a number is written
 *
 * One cell's text without copying it, for a view that shows many cells a
 * frame: the network's own string, or @buffer holding a number.
 *
 * Returns: (transfer none) (nullable): the text, valid until the network
 *   changes or @buffer is reused; %NULL for no value
 */
const char *
mw_attribute_table_peek_text (MwAttributeTable *self,
                              guint             column,
                              guint             row,
                              MwActorMeasures  *measures,
                              char              buffer[MW_TABLE_TEXT_SIZE])
{
  const MwTableColumn *col;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  g_return_val_if_fail (row < mw_attribute_table_get_n_rows (self), NULL);

  col = g_ptr_array_index (self->columns, column);
  if (col->source == MW_COLUMN_MEASURE)
    return measure_text (col, row, measures, buffer);
  if (self->kind == MW_TABLE_ACTORS)
    return actor_text (self, col, mw_network_get_actor (self->network, row));
  return tie_text (self, col, mw_network_get_tie (self->network, row), buffer);
}

/**
 * mw_attribute_table_get_text:
 * @measures: (nullable): the network's measures, for the measure columns
 *
 * One cell as `meshwork-cli table` writes it: numbers with '.' whatever the
 * locale, "true"/"false", the kind and type by their names.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for no value
 */
char *
mw_attribute_table_get_text (MwAttributeTable *self,
                             guint             column,
                             guint             row,
                             MwActorMeasures  *measures)
{
  char buffer[MW_TABLE_TEXT_SIZE];

  return g_strdup (mw_attribute_table_peek_text (self, column, row, measures, buffer));
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Whether @text holds @folded_needle whatever its case: without a copy when
 * both are ASCII (a filter reads every cell of 100,000 rows), else through
 * g_utf8_casefold(), which also folds "ß" and ligatures. */
static gboolean
text_contains (const char *text,
               const char *folded_needle,
               gboolean    ascii_needle)
{
  g_autofree char *folded = NULL;

  if (ascii_needle && is_ascii (text))
    {
      gsize length = strlen (folded_needle);

      for (const char *p = text; *p != '\0'; p++)
        if (g_ascii_strncasecmp (p, folded_needle, length) == 0)
          return TRUE;
      return FALSE;
    }
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_needle) != NULL;
}

/**
 * mw_attribute_table_row_matches:
 * @folded_needle: what to find, passed through g_utf8_casefold()
 *
 * Whether any text of the row but the measures holds @folded_needle,
 * whatever its case. An empty needle matches every row.
 */
gboolean
mw_attribute_table_row_matches (MwAttributeTable *self,
                                guint             row,
                                const char       *folded_needle)
{
  gboolean ascii_needle;

  g_return_val_if_fail (self != NULL, FALSE);

  if (folded_needle == NULL || *folded_needle == '\0')
    return TRUE;

  ascii_needle = is_ascii (folded_needle);
  for (guint c = 0; c < self->columns->len; c++)
    {
      const MwTableColumn *col = g_ptr_array_index (self->columns, c);
      char buffer[MW_TABLE_TEXT_SIZE];
      const char *text;

      if (col->source == MW_COLUMN_MEASURE || col->kind == MW_CELL_BOOL)
        continue;
      text = mw_attribute_table_peek_text (self, c, row, NULL, buffer);
      if (text != NULL && *text != '\0' && text_contains (text, folded_needle, ascii_needle))
        return TRUE;
    }
  return FALSE;
}

/**
 * mw_attribute_table_dup_column:
 * @measures: (nullable): the network's measures, for the measure columns
 *
 * Every row's text in @column, copied: what sort keys are made of in
 * another thread while the network goes on changing.
 *
 * Returns: (transfer full) (element-type utf8): one text or %NULL per row
 */
GPtrArray *
mw_attribute_table_dup_column (MwAttributeTable *self,
                               guint             column,
                               MwActorMeasures  *measures)
{
  guint n;
  GPtrArray *texts;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  n = mw_attribute_table_get_n_rows (self);
  texts = g_ptr_array_new_full (n, g_free);
  mw_attribute_table_dup_rows (self, column, measures, 0, n, texts);
  return texts;
}

/**
 * mw_attribute_table_dup_rows:
 * @measures: (nullable): the network's measures, for the measure columns
 * @texts: (element-type utf8): where the copies are appended
 *
 * The texts of @n rows from @first in @column, copied onto @texts: a
 * column copied a slice at a time, so that no frame waits for all of it.
 */
void
mw_attribute_table_dup_rows (MwAttributeTable *self,
                             guint             column,
                             MwActorMeasures  *measures,
                             guint             first,
                             guint             n,
                             GPtrArray        *texts)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (first + n <= mw_attribute_table_get_n_rows (self));

  for (guint r = first; r < first + n; r++)
    {
      char buffer[MW_TABLE_TEXT_SIZE];

      g_ptr_array_add (texts, g_strdup (mw_attribute_table_peek_text (self, column, r, measures, buffer)));
    }
}

/* "bob" between "Ann" and "Cy", whatever the locale does with case */
static char *
text_key (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  folded = g_utf8_casefold (text, -1);
  return g_utf8_collate_key (folded, -1);
}

static double
number_key (MwCellKind  kind,
            const char *text)
{
  double number = NAN;

  if (kind == MW_CELL_BOOL)
    return g_strcmp0 (text, "true") == 0;
  return text != NULL && mw_parse_number (text, &number) ? number : NAN;
}

/**
 * mw_table_sort_keys_new_for_texts:
 * @kind: how the column's cells read
 * @texts: (element-type utf8): one text or %NULL per row, as
 *   mw_attribute_table_dup_column() gives them
 *
 * Every row's sort key, read once, so that sorting 100,000 rows compares
 * numbers and collation keys instead of building them again on each of
 * its million comparisons. Numbers sort as numbers; rows with no value
 * come last. Touches no network: any thread may call it.
 *
 * Returns: (transfer full): the keys
 */
MwTableSortKeys *
mw_table_sort_keys_new_for_texts (MwCellKind  kind,
                                  GPtrArray  *texts)
{
  MwTableSortKeys *keys;
  gboolean all_numbers = kind == MW_CELL_TEXT;

  g_return_val_if_fail (texts != NULL, NULL);

  keys = g_new0 (MwTableSortKeys, 1);
  keys->kind = kind;
  keys->n = texts->len;
  keys->numbers = g_new (double, MAX (keys->n, 1));
  for (guint r = 0; r < keys->n; r++)
    {
      const char *text = g_ptr_array_index (texts, r);

      keys->numbers[r] = number_key (kind, text);
      if (kind == MW_CELL_TEXT && text != NULL && *text != '\0' && isnan (keys->numbers[r]))
        all_numbers = FALSE;
    }

  /* a file's own attribute that holds only numbers (paid_staff=46) sorts as numbers */
  if (kind == MW_CELL_TEXT && !all_numbers)
    {
      keys->texts = g_new0 (char *, MAX (keys->n, 1));
      for (guint r = 0; r < keys->n; r++)
        keys->texts[r] = text_key (g_ptr_array_index (texts, r));
      g_clear_pointer (&keys->numbers, g_free);
    }
  return keys;
}

/**
 * mw_table_sort_keys_new:
 *
 * The sort keys of @column as the network is now (see
 * mw_table_sort_keys_new_for_texts()).
 *
 * Returns: (transfer full): the keys, valid until the network changes
 */
MwTableSortKeys *
mw_table_sort_keys_new (MwAttributeTable *self,
                        guint             column,
                        MwActorMeasures  *measures)
{
  g_autoptr(GPtrArray) texts = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  texts = mw_attribute_table_dup_column (self, column, measures);
  return mw_table_sort_keys_new_for_texts (mw_attribute_table_get_column (self, column)->kind, texts);
}

/**
 * mw_table_sort_keys_update:
 * @text: (nullable): the row's new text
 *
 * One row's key again, after an edit: a text column sorted as numbers
 * sorts a text that is no number as no value.
 */
void
mw_table_sort_keys_update (MwTableSortKeys *keys,
                           guint            row,
                           const char      *text)
{
  g_return_if_fail (keys != NULL && row < keys->n);

  if (keys->texts != NULL)
    {
      g_free (keys->texts[row]);
      keys->texts[row] = text_key (text);
    }
  else
    keys->numbers[row] = number_key (keys->kind, text);
}

static int
compare_rows (MwTableSortKeys *keys,
              guint            a,
              guint            b,
              gboolean         descending)
{
  gboolean none_a, none_b;
  int order;

  if (keys->texts != NULL)
    {
      none_a = keys->texts[a] == NULL;
      none_b = keys->texts[b] == NULL;
    }
  else
    {
      none_a = isnan (keys->numbers[a]);
      none_b = isnan (keys->numbers[b]);
    }
  /* rows with no value last either way, then the file's order */
  if (none_a || none_b)
    order = none_a - none_b;
  else
    {
      order = keys->texts != NULL ? strcmp (keys->texts[a], keys->texts[b])
                                  : (keys->numbers[a] > keys->numbers[b]) - (keys->numbers[a] < keys->numbers[b]);
      order = descending ? -order : order;
    }
  return order != 0 ? order : (a > b) - (a < b);
}

typedef struct
{
  MwTableSortKeys *keys;
  gboolean         descending;
} OrderData;

static int
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  OrderData *od = data;

  return compare_rows (od->keys, *(const guint *) a, *(const guint *) b, od->descending);
}

/**
 * mw_table_sort_keys_order:
 *
 * The rows in their sorted order: ascending or @descending, rows with no
 * value last, equal rows in the file's order. Any thread may call it.
 *
 * Returns: (transfer full) (array): n row indices
 */
guint *
mw_table_sort_keys_order (MwTableSortKeys *keys,
                          gboolean         descending)
{
  OrderData od = { keys, descending };
  guint *order;

  g_return_val_if_fail (keys != NULL, NULL);

  order = g_new (guint, MAX (keys->n, 1));
  for (guint r = 0; r < keys->n; r++)
    order[r] = r;
  g_qsort_with_data (order, keys->n, sizeof (guint), compare_order, &od);
  return order;
}

/**
 * mw_table_sort_keys_find_place:
 * @order: (array length=n): rows in sorted order, @row not among them
 *
 * Where @row goes in @order: after an edit, the row moves there.
 *
 * Returns: a position from 0 to @n
 */
guint
mw_table_sort_keys_find_place (MwTableSortKeys *keys,
                               const guint     *order,
                               guint            n,
                               guint            row,
                               gboolean         descending)
{
  guint low = 0, high = n;

  g_return_val_if_fail (keys != NULL && row < keys->n, 0);

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (compare_rows (keys, order[mid], row, descending) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

void
mw_table_sort_keys_free (MwTableSortKeys *keys)
{
  if (keys == NULL)
    return;
  if (keys->texts != NULL)
    for (guint r = 0; r < keys->n; r++)
      g_free (keys->texts[r]);
  g_free (keys->texts);
  g_free (keys->numbers);
  g_free (keys);
}

/* Returns: <0, 0 or >0 as row @a sorts before, with or after row @b */
int
mw_table_sort_keys_compare (MwTableSortKeys *keys,
                            guint            a,
                            guint            b)
{
  g_return_val_if_fail (keys != NULL && a < keys->n && b < keys->n, 0);

  if (keys->texts != NULL)
    {
      if (keys->texts[a] == NULL || keys->texts[b] == NULL)
        return (keys->texts[a] == NULL) - (keys->texts[b] == NULL);
      return strcmp (keys->texts[a], keys->texts[b]);
    }
  if (isnan (keys->numbers[a]) || isnan (keys->numbers[b]))
    return isnan (keys->numbers[a]) - isnan (keys->numbers[b]);
  return (keys->numbers[a] > keys->numbers[b]) - (keys->numbers[a] < keys->numbers[b]);
}

static gboolean
set_actor_cell (MwAttributeTable    *self,
                const MwTableColumn *col,
                MwActor             *actor,
                const char          *text,
                GError             **error)
{
  MwActorKind kind;

  switch (col->id)
    {
    case COL_LABEL:      mw_network_set_actor_label (self->network, actor, text); break;
    case COL_ORG:        mw_network_set_actor_org (self->network, actor, text); break;
    case COL_UNIT:       mw_network_set_actor_unit (self->network, actor, text); break;
    case COL_NOTES:      mw_network_set_actor_notes (self->network, actor, text); break;
    case COL_PURPOSE:    mw_network_set_actor_purpose (self->network, actor, mw_parse_bool (text)); break;
    case COL_INITIATIVE: mw_network_set_actor_initiative (self->network, actor, mw_parse_bool (text)); break;
    case COL_KIND:
      if (!mw_actor_kind_from_string (text, &kind))
        {
          g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                       _("“%s” is not a kind of actor: person, team or organisation"), text);
          return FALSE;
        }
      mw_network_set_actor_kind (self->network, actor, kind);
      break;
    default:
      mw_network_set_actor_attr (self->network, actor, col->name, text);
    }
  return TRUE;
}

static gboolean
set_tie_cell (MwAttributeTable    *self,
              const MwTableColumn *col,
              MwTie               *tie,
              const char          *text,
              GError             **error)
{
  MwTieType type;
  double weight;

  switch (col->id)
    {
    case COL_TYPE:
      if (!mw_tie_type_from_synonym (text, &type))
        {
          g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                       _("“%s” is not a type of tie: reports, collaborates, influences or checks"), text);
          return FALSE;
        }
      mw_network_set_tie_type (self->network, tie, type);
      break;
    case COL_WEIGHT:
      if (!mw_parse_number (text, &weight))
        {
          g_set_error (error, MW_ERROR, MW_ERROR_INVALID, _("“%s” is not a number"), text);
          return FALSE;
        }
      mw_network_set_tie_weight (self->network, tie, weight);
      break;
    default:
      mw_network_set_tie_attr (self->network, tie, col->name, text);
    }
  return TRUE;
}

static gboolean
set_cell (MwAttributeTable    *self,
          MwEdit              *edit,
          const MwTableColumn *col,
          guint                row,
          const char          *text,
          GError             **error)
{
  if (self->kind == MW_TABLE_ACTORS)
    {
      MwActor *actor = mw_network_get_actor (self->network, row);

      if (col->id == COL_LABEL && *text == '\0')
        {
          g_set_error_literal (error, MW_ERROR, MW_ERROR_INVALID, _("An actor needs a label"));
          return FALSE;
        }
      mw_edit_touch_actor (edit, actor);
      return set_actor_cell (self, col, actor, text, error);
    }
  mw_edit_touch_tie (edit, mw_network_get_tie (self->network, row));
  return set_tie_cell (self, col, mw_network_get_tie (self->network, row), text, error);
}

/**
 * mw_attribute_table_set_cells:
 * @rows: (element-type guint): the rows to change
 *
 * Gives every one of @rows the value @text in @column, as one undo step
 * (nothing changes when a value is refused).
 *
 * Returns: %TRUE unless @text is no value for the column
 */
static gboolean set_cells (MwAttributeTable *self, MwHistory *history, guint column, GArray *rows,
                           const char *text, const char *name, GError **error);

gboolean
mw_attribute_table_set_cells (MwAttributeTable  *self,
                              MwHistory         *history,
                              guint              column,
                              GArray            *rows,
                              const char        *text,
                              GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MW_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);
  g_return_val_if_fail (rows != NULL && text != NULL, FALSE);

  return set_cells (self, history, column, rows, text,
                    rows->len == 1 ? _("Edit Cell") : _("Edit Cells"), error);
}

static gboolean
set_cells (MwAttributeTable  *self,
           MwHistory         *history,
           guint              column,
           GArray            *rows,
           const char        *text,
           const char        *name,
           GError           **error)
{
  g_autofree char *value = g_strdup (text);
  const MwTableColumn *col = g_ptr_array_index (self->columns, column);
  MwEdit *edit;

  if (!col->editable || mw_history_is_editing (history))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID, _("The column “%s” cannot be edited"), col->name);
      return FALSE;
    }

  edit = mw_history_begin (history, name);
  for (guint i = 0; i < rows->len; i++)
    {
      guint row = g_array_index (rows, guint, i);

      if (row < mw_attribute_table_get_n_rows (self) && !set_cell (self, edit, col, row, value, error))
        {
          mw_history_cancel (history, edit);
          return FALSE;
        }
    }
  mw_history_commit (history, edit);
  return TRUE;
}

static gboolean
check_new_name (MwAttributeTable *self,
                const char       *name,
                GError          **error)
{
  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, MW_ERROR, MW_ERROR_INVALID, _("A column needs a name"));
      return FALSE;
    }
  if (mw_attribute_table_find_column (self, name) >= 0 || g_str_has_prefix (name, "mw_") ||
      g_str_equal (name, "pos") || g_str_equal (name, "from") || g_str_equal (name, "to"))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID, _("The name “%s” is taken"), name);
      return FALSE;
    }
  return TRUE;
}

/* Moves (@new_name) or drops (NULL) attribute @name on every row, in @edit. */
static void
move_attribute (MwAttributeTable *self,
                MwEdit           *edit,
                const char       *name,
                const char       *new_name)
{
  for (guint r = 0; r < mw_attribute_table_get_n_rows (self); r++)
    {
      GHashTable *attrs;
      g_autofree char *value = NULL;

      if (self->kind == MW_TABLE_ACTORS)
        attrs = mw_network_get_actor (self->network, r)->attrs;
      else
        attrs = mw_network_get_tie (self->network, r)->attrs;
      if (!g_hash_table_contains (attrs, name))
        continue;

      value = g_strdup (g_hash_table_lookup (attrs, name));
      if (self->kind == MW_TABLE_ACTORS)
        {
          MwActor *actor = mw_network_get_actor (self->network, r);

          mw_edit_touch_actor (edit, actor);
          if (new_name != NULL)
            mw_network_set_actor_attr (self->network, actor, new_name, value);
          mw_network_set_actor_attr (self->network, actor, name, NULL);
        }
      else
        {
          MwTie *tie = mw_network_get_tie (self->network, r);

          mw_edit_touch_tie (edit, tie);
          if (new_name != NULL)
            mw_network_set_tie_attr (self->network, tie, new_name, value);
          mw_network_set_tie_attr (self->network, tie, name, NULL);
        }
    }
}

static gboolean
check_own_column (MwAttributeTable *self,
                  MwHistory        *history,
                  const char       *name,
                  GError          **error)
{
  int column = mw_attribute_table_find_column (self, name);

  if (column < 0 || ((MwTableColumn *) g_ptr_array_index (self->columns, column))->source != MW_COLUMN_ATTRIBUTE ||
      mw_history_is_editing (history))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID, _("“%s” is not a column of the file’s own"), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * mw_attribute_table_add_column:
 * @value: what every row holds in the new column (an attribute with no
 *   value is no attribute: the column stays empty until a cell is filled)
 *
 * Adds the file's own attribute @name to every row, as one undo step.
 */
gboolean
mw_attribute_table_add_column (MwAttributeTable  *self,
                               MwHistory         *history,
                               const char        *name,
                               const char        *value,
                               GError           **error)
{
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MW_IS_HISTORY (history), FALSE);

  if (!check_new_name (self, name, error))
    return FALSE;

  add_column (self, name, NULL, MW_COLUMN_ATTRIBUTE, MW_CELL_TEXT, COL_ATTRIBUTE, TRUE);
  rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), mw_attribute_table_get_n_rows (self));
  for (guint r = 0; r < mw_attribute_table_get_n_rows (self); r++)
    g_array_append_val (rows, r);
  if (value == NULL || *value == '\0' || rows->len == 0)
    return TRUE;
  return set_cells (self, history, self->columns->len - 1, rows, value, _("Add Column"), error);
}

/**
 * mw_attribute_table_rename_column:
 *
 * Renames the file's own attribute @name to @new_name on every row, as
 * one undo step.
 */
gboolean
mw_attribute_table_rename_column (MwAttributeTable  *self,
                                  MwHistory         *history,
                                  const char        *name,
                                  const char        *new_name,
                                  GError           **error)
{
  MwEdit *edit;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MW_IS_HISTORY (history), FALSE);

  if (!check_own_column (self, history, name, error) || !check_new_name (self, new_name, error))
    return FALSE;

  edit = mw_history_begin (history, _("Rename Column"));
  move_attribute (self, edit, name, new_name);
  mw_history_commit (history, edit);
  return TRUE;
}

/**
 * mw_attribute_table_remove_column:
 *
 * Removes the file's own attribute @name from every row, as one undo step.
 */
gboolean
mw_attribute_table_remove_column (MwAttributeTable  *self,
                                  MwHistory         *history,
                                  const char        *name,
                                  GError           **error)
{
  MwEdit *edit;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MW_IS_HISTORY (history), FALSE);

  if (!check_own_column (self, history, name, error))
    return FALSE;

  edit = mw_history_begin (history, _("Remove Column"));
  move_attribute (self, edit, name, NULL);
  mw_history_commit (history, edit);
  return TRUE;
}
