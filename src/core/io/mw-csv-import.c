/* mw-csv-import.c: rows to a network, and the report of what did not fit
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-csv"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-csv-private.h"

/* ---------------------------------------------------------------------- */
/* Reports                                                                 */

typedef struct
{
  MwNetwork                *stage;
  MwImportReport           *report;
  const MwCsvImportOptions *options;
  GHashTable               *rows_by_id;     /* id → row number where this file added it */
  GHashTable               *by_label;       /* label, or e-mail in lower case → MwActor*, or the table itself when shared */
  GPtrArray                *new_actors;     /* MwActor* of stage, in order */
  GPtrArray                *new_ties;       /* MwTie* of stage, in order */
  gboolean                  report_new_actors; /* ties add actors to a network that has some */
  /* the file being imported: problems listed, and those past the limit */
  guint                     n_listed;
  guint                     n_unlisted;
  gboolean                  unlisted_skipped;
  MwImportProblemKind       first_unlisted_kind;
  guint                     first_unlisted_row;
} Import;

static void
report_problem (Import              *import,
                MwCsvTable          *table,
                guint                row,
                int                  column,
                MwImportProblemKind  kind,
                gboolean             skipped,
                const char          *format,
                ...) G_GNUC_PRINTF (7, 8);

static void
report_problem (Import              *import,
                MwCsvTable          *table,
                guint                row,
                int                  column,
                MwImportProblemKind  kind,
                gboolean             skipped,
                const char          *format,
                ...)
{
  MwImportProblem *problem;
  va_list args;

  /* a problem in every cell would take many times the file's size */
  if (import->n_listed >= MW_CSV_MAX_PROBLEMS)
    {
      if (import->n_unlisted++ == 0)
        {
          import->first_unlisted_kind = kind;
          import->first_unlisted_row = mw_csv_table_get_row_number (table, row);
        }
      import->unlisted_skipped |= skipped;
      return;
    }

  import->n_listed++;
  problem = g_new0 (MwImportProblem, 1);
  problem->kind = kind;
  problem->source = g_strdup (table->source);
  problem->row = mw_csv_table_get_row_number (table, row);
  problem->column = column >= 0 ? (guint)column + 1 : 0;
  if (column >= 0 && (guint)column < table->n_columns)
    problem->column_name = g_strdup (mw_csv_table_get_column_name (table, column));
  else if (column >= 0)
    problem->column_name = g_strdup_printf (_("Column %u"), (guint)column + 1);
  problem->skipped = skipped;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (import->report->problems, problem);
}

static void
begin_file (Import *import)
{
  import->n_listed = 0;
  import->n_unlisted = 0;
  import->unlisted_skipped = FALSE;
}

/* Past the first MW_CSV_MAX_PROBLEMS of a file, one line says how many
 * more there are (and, by its flag, whether any left something out). */
static void
end_file (Import     *import,
          MwCsvTable *table)
{
  MwImportProblem *problem;

  if (import->n_unlisted == 0)
    return;

  problem = g_new0 (MwImportProblem, 1);
  problem->kind = import->first_unlisted_kind;
  problem->source = g_strdup (table->source);
  problem->row = import->first_unlisted_row;
  problem->skipped = import->unlisted_skipped;
  problem->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "and %u more problem, not listed: only the first %u are",
                                                   "and %u more problems, not listed: only the first %u are",
                                                   import->n_unlisted),
                                      import->n_unlisted, MW_CSV_MAX_PROBLEMS);
  g_ptr_array_add (import->report->problems, problem);
}

/* What the reader changed in a cell, or could not read as it was: NUL
 * bytes, a lone CR, a stray quote. Each note names its row and column,
 * the header's among them; the row itself is imported. */
static MwImportProblemKind
note_problem_kind (MwCsvNoteKind kind)
{
  switch (kind)
    {
    case MW_CSV_NOTE_NUL_BYTES: return MW_IMPORT_PROBLEM_NUL_BYTES;
    case MW_CSV_NOTE_LONE_CR:   return MW_IMPORT_PROBLEM_LONE_CR;
    case MW_CSV_NOTE_STRAY_QUOTE:
    default:                    return MW_IMPORT_PROBLEM_STRAY_QUOTE;
    }
}

/* Past the first MW_CSV_MAX_NOTES, one line says how many more there are. */
static void
report_unlisted_notes (Import     *import,
                       MwCsvTable *table)
{
  MwImportProblem *problem;

  if (table->n_unlisted == 0)
    return;

  problem = g_new0 (MwImportProblem, 1);
  problem->kind = note_problem_kind (table->first_unlisted.kind);
  problem->source = g_strdup (table->source);
  problem->row = table->first_unlisted.record + 1;
  problem->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "and from here %u more cell with NUL bytes, a CR "
                                                   "without LF or text after a closing quote; only the "
                                                   "first %u are listed",
                                                   "and from here %u more cells with NUL bytes, a CR "
                                                   "without LF or text after a closing quote; only the "
                                                   "first %u are listed",
                                                   table->n_unlisted),
                                      table->n_unlisted, MW_CSV_MAX_NOTES);
  g_ptr_array_add (import->report->problems, problem);
}

static void
report_notes (Import     *import,
              MwCsvTable *table)
{
  report_unlisted_notes (import, table);

  for (guint i = 0; i < table->notes->len; i++)
    {
      const MwCsvNote *note = &g_array_index (table->notes, MwCsvNote, i);
      MwImportProblem *problem = g_new0 (MwImportProblem, 1);

      problem->kind = note_problem_kind (note->kind);
      problem->source = g_strdup (table->source);
      problem->row = note->record + 1;
      problem->column = note->column + 1;
      if (note->column < table->n_columns)
        problem->column_name = g_strdup (mw_csv_table_get_column_name (table, note->column));
      else
        problem->column_name = g_strdup_printf (_("Column %u"), note->column + 1);

      switch (note->kind)
        {
        case MW_CSV_NOTE_NUL_BYTES:
          problem->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "the cell has %u NUL byte; it is left out",
                                                           "the cell has %u NUL bytes; they are left out",
                                                           note->count), note->count);
          break;
        case MW_CSV_NOTE_LONE_CR:
          problem->message = g_strdup (_("a carriage return (CR) without a line feed is kept as text; "
                                         "the row does not end there"));
          break;
        case MW_CSV_NOTE_STRAY_QUOTE:
        default:
          if (note->end_line > note->line)
            problem->message = g_strdup_printf (_("the quoted cell runs from line %u to line %u and text "
                                                  "follows its closing quote: a quote may be stray, and "
                                                  "those lines are in this one cell"),
                                                note->line, note->end_line);
          else
            problem->message = g_strdup (_("text follows the closing quote; it is kept in the cell"));
          break;
        }

      g_ptr_array_add (import->report->problems, problem);
    }
}

/* ---------------------------------------------------------------------- */
/* Importing rows                                                          */

/* Cells past the header's last name are reported, not kept. */
static guint
n_named_columns (MwCsvTable *table)
{
  return table->format.has_header ? _mw_csv_record_n_cells (table, 0) : table->n_columns;
}

/* A trimmed copy of a mapped cell; NULL when the field has no column. */
static char *
field_value (MwCsvTable         *table,
             const MwCsvMapping *mapping,
             guint               row,
             MwCsvField          field)
{
  int column = mapping->columns[field];

  if (column < 0)
    return NULL;
  return g_strstrip (g_strdup (mw_csv_table_get_cell (table, row, column)));
}

static gboolean
row_is_blank (MwCsvTable *table,
              guint       row)
{
  guint n = mw_csv_table_get_n_cells (table, row);

  for (guint c = 0; c < n; c++)
    {
      const char *cell = mw_csv_table_get_cell (table, row, c);

      if (cell[strspn (cell, " \t")] != '\0')
        return FALSE;
    }

  return TRUE;
}

static gboolean
column_is_mapped (const MwCsvMapping *mapping,
                  guint               column)
{
  for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
    if (mapping->columns[f] == (int)column)
      return TRUE;
  return FALSE;
}

static gboolean
is_key_column (const MwCsvMapping *mapping,
               guint               column,
               gboolean            ties)
{
  static const MwCsvField people_keys[] = {
    MW_CSV_FIELD_ID, MW_CSV_FIELD_NAME, MW_CSV_FIELD_FIRST_NAME, MW_CSV_FIELD_LAST_NAME,
    MW_CSV_FIELD_MANAGER };
  static const MwCsvField ties_keys[] = {
    MW_CSV_FIELD_SOURCE, MW_CSV_FIELD_TARGET, MW_CSV_FIELD_TYPE, MW_CSV_FIELD_WEIGHT };
  const MwCsvField *keys = ties ? ties_keys : people_keys;
  guint n = ties ? G_N_ELEMENTS (ties_keys) : G_N_ELEMENTS (people_keys);

  for (guint i = 0; i < n; i++)
    if (mapping->columns[keys[i]] == (int)column)
      return TRUE;
  return FALSE;
}

/* Invalid UTF-8 in a cell that says who or what (or, in a converted file,
 * bytes that are no character in its encoding): the row is skipped. In
 * any other cell only that value is dropped. Returns FALSE to skip. */
static gboolean
check_row_encoding (Import             *import,
                    MwCsvTable         *table,
                    const MwCsvMapping *mapping,
                    guint               row,
                    gboolean            ties,
                    GHashTable         *bad_columns)
{
  guint n = mw_csv_table_get_n_cells (table, row);

  if (table->valid_utf8)
    return TRUE;

  for (guint c = 0; c < n; c++)
    {
      const char *cell = mw_csv_table_get_cell (table, row, c);
      gboolean key;

      if (g_utf8_validate (cell, -1, NULL))
        continue;

      key = is_key_column (mapping, c, ties);
      if (table->format.encoding == MW_CSV_ENCODING_UTF8)
        report_problem (import, table, row, c, MW_IMPORT_PROBLEM_INVALID_UTF8, TRUE,
                        "%s", key ? _("the text is not valid UTF-8; the row is skipped")
                                  : _("the text is not valid UTF-8; the value is left out"));
      else
        report_problem (import, table, row, c, MW_IMPORT_PROBLEM_UNDECODABLE, TRUE,
                        key ? _("the text has bytes that are no character in %s; the row is skipped")
                            : _("the text has bytes that are no character in %s; the value is left out"),
                        _mw_csv_encoding_name (&table->format));
      if (key)
        return FALSE;
      g_hash_table_add (bad_columns, GUINT_TO_POINTER (c));
    }

  return TRUE;
}

/* Other columns become attributes named after their header, in lower
 * case with "_" between words ("Cost Center" → cost_center). Names that
 * Meshwork's DOT attributes use get a "csv_" prefix. */
char *
_mw_csv_attribute_key (MwCsvTable *table,
                       guint       column)
{
  static const char * const reserved[] = { "label", "pos", "pin", "weight", "key", "x", "y", NULL };
  GString *key = g_string_new (NULL);
  gboolean gap = FALSE;

  if (!table->format.has_header)
    {
      g_string_printf (key, "column_%u", column + 1);
      return g_string_free (key, FALSE);
    }

  for (const char *p = mw_csv_table_get_column_name (table, column); *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || (guchar)*p >= 0x80)
        {
          if (gap && key->len > 0)
            g_string_append_c (key, '_');
          g_string_append_c (key, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else
        gap = TRUE;
    }

  if (key->len == 0 || g_strv_contains (reserved, key->str) || g_str_has_prefix (key->str, "mw_"))
    g_string_prepend (key, "csv_");

  return g_string_free (key, FALSE);
}

static void
set_actor_attributes (Import             *import,
                      MwCsvTable         *table,
                      const MwCsvMapping *mapping,
                      guint               row,
                      MwActor            *actor,
                      GHashTable         *bad_columns)
{
  static const struct { MwCsvField field; const char *key; } named[] = {
    { MW_CSV_FIELD_TITLE, "title" }, { MW_CSV_FIELD_LOCATION, "location" },
    { MW_CSV_FIELD_EMAIL, "email" },
  };
  guint n = mw_csv_table_get_n_cells (table, row);

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      g_autofree char *value = field_value (table, mapping, row, named[i].field);

      if (value != NULL && *value != '\0' &&
          !g_hash_table_contains (bad_columns, GINT_TO_POINTER (mapping->columns[named[i].field])))
        mw_network_set_actor_attr (import->stage, actor, named[i].key, value);
    }

  for (guint c = 0; mapping->keep_other_columns && c < MIN (n, n_named_columns (table)); c++)
    {
      g_autofree char *value = NULL;
      g_autofree char *key = NULL;

      if (column_is_mapped (mapping, c) || g_hash_table_contains (bad_columns, GUINT_TO_POINTER (c)))
        continue;
      value = g_strstrip (g_strdup (mw_csv_table_get_cell (table, row, c)));
      if (*value == '\0')
        continue;
      key = _mw_csv_attribute_key (table, c);
      mw_network_set_actor_attr (import->stage, actor, key, value);
    }
}

static char *
row_name (MwCsvTable         *table,
          const MwCsvMapping *mapping,
          guint               row,
          int                *column)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  *column = mapping->columns[MW_CSV_FIELD_NAME];
  if (*column >= 0)
    return field_value (table, mapping, row, MW_CSV_FIELD_NAME);

  first = field_value (table, mapping, row, MW_CSV_FIELD_FIRST_NAME);
  last = field_value (table, mapping, row, MW_CSV_FIELD_LAST_NAME);
  *column = mapping->columns[MW_CSV_FIELD_FIRST_NAME] >= 0 ? mapping->columns[MW_CSV_FIELD_FIRST_NAME]
                                                          : mapping->columns[MW_CSV_FIELD_LAST_NAME];
  if (first == NULL && last == NULL)
    return NULL;

  return g_strstrip (g_strdup_printf ("%s %s", first != NULL ? first : "", last != NULL ? last : ""));
}

typedef struct
{
  MwActor *actor;
  guint    row;         /* data row in the table */
  char    *manager;     /* the manager cell, trimmed; NULL or "" when none */
  MwActor *manager_actor;
} Person;

static void
person_clear (Person *person)
{
  g_free (person->manager);
}

static void
remember_key (Import     *import,
              const char *key,
              MwActor    *actor)
{
  gpointer existing = g_hash_table_lookup (import->by_label, key);

  /* a name two people share cannot say which of them is meant */
  if (existing == NULL)
    g_hash_table_insert (import->by_label, g_strdup (key), actor);
  else if (existing != actor)
    g_hash_table_insert (import->by_label, g_strdup (key), import->by_label);
}

/* E-mail addresses are matched whatever their case: HR systems differ. */
static char *
email_key (const char *text)
{
  return text != NULL && strchr (text, '@') != NULL ? g_utf8_strdown (text, -1) : NULL;
}

/* A person is found by id, by name and by e-mail (a manager column of
 * e-mails is common in HR exports). */
static void
remember_person (Import     *import,
                 MwActor    *actor,
                 const char *email)
{
  g_autofree char *key = email_key (email);

  remember_key (import, actor->label, actor);
  if (key != NULL && strcmp (key, actor->label) != 0)
    remember_key (import, key, actor);
}

static gboolean
check_id (Import     *import,
          MwCsvTable *table,
          guint       row,
          int         column,
          const char *id)
{
  guint first_row;

  if (mw_network_lookup_actor (import->stage, id) == NULL)
    return TRUE;

  first_row = GPOINTER_TO_UINT (g_hash_table_lookup (import->rows_by_id, id));
  if (first_row > 0)
    report_problem (import, table, row, column, MW_IMPORT_PROBLEM_DUPLICATE_ID, TRUE,
                    _("the id “%s” is already on row %u; the row is skipped"), id, first_row);
  else
    report_problem (import, table, row, column, MW_IMPORT_PROBLEM_DUPLICATE_ID, TRUE,
                    _("the network already has an actor with the id “%s”; the row is skipped"), id);
  return FALSE;
}

static MwActorKind
row_kind (Import             *import,
          MwCsvTable         *table,
          const MwCsvMapping *mapping,
          guint               row)
{
  g_autofree char *value = field_value (table, mapping, row, MW_CSV_FIELD_KIND);
  MwActorKind kind = MW_ACTOR_PERSON;

  if (value == NULL || *value == '\0' || !g_utf8_validate (value, -1, NULL))
    return MW_ACTOR_PERSON;

  if (!mw_actor_kind_from_string (value, &kind))
    report_problem (import, table, row, mapping->columns[MW_CSV_FIELD_KIND],
                    MW_IMPORT_PROBLEM_BAD_KIND, TRUE,
                    _("“%s” is not person, team or organisation; the actor is a person"), value);
  return kind;
}

/* One people row: an actor, or a problem. Returns the actor or NULL. */
static MwActor *
import_person (Import             *import,
               MwCsvTable         *table,
               const MwCsvMapping *mapping,
               guint               row,
               GHashTable         *bad_columns)
{
  g_autofree char *id = field_value (table, mapping, row, MW_CSV_FIELD_ID);
  g_autofree char *org = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *name = NULL;
  int id_column = mapping->columns[MW_CSV_FIELD_ID];
  int name_column;
  MwActor *actor;

  name = row_name (table, mapping, row, &name_column);
  if (id_column < 0)
    {
      /* without ids, people are known (and managers named) by their names */
      id = g_strdup (name);
      id_column = name_column;
    }

  if (id == NULL || *id == '\0')
    {
      report_problem (import, table, row, id_column,
                      mapping->columns[MW_CSV_FIELD_ID] >= 0 ? MW_IMPORT_PROBLEM_EMPTY_ID
                                                             : MW_IMPORT_PROBLEM_EMPTY_NAME,
                      TRUE, "%s", mapping->columns[MW_CSV_FIELD_ID] >= 0 ? _("the id is empty; the row is skipped")
                                                          : _("the name is empty; the row is skipped"));
      return NULL;
    }

  if (!check_id (import, table, row, id_column, id))
    return NULL;

  if (name == NULL || *name == '\0')
    report_problem (import, table, row, name_column >= 0 ? name_column : -1,
                    MW_IMPORT_PROBLEM_EMPTY_NAME, FALSE,
                    _("the name is empty; the id “%s” is shown instead"), id);

  actor = mw_network_add_actor (import->stage, id, name, row_kind (import, table, mapping, row), NULL);
  g_assert (actor != NULL);

  org = field_value (table, mapping, row, MW_CSV_FIELD_ORG);
  unit = field_value (table, mapping, row, MW_CSV_FIELD_UNIT);
  if (org != NULL && !g_hash_table_contains (bad_columns, GINT_TO_POINTER (mapping->columns[MW_CSV_FIELD_ORG])))
    mw_network_set_actor_org (import->stage, actor, org);
  if (unit != NULL && !g_hash_table_contains (bad_columns, GINT_TO_POINTER (mapping->columns[MW_CSV_FIELD_UNIT])))
    mw_network_set_actor_unit (import->stage, actor, unit);
  set_actor_attributes (import, table, mapping, row, actor, bad_columns);

  g_hash_table_insert (import->rows_by_id, g_strdup (id),
                       GUINT_TO_POINTER (mw_csv_table_get_row_number (table, row)));
  g_ptr_array_add (import->new_actors, actor);
  return actor;
}

static void
report_extra_cells (Import     *import,
                    MwCsvTable *table,
                    guint       row)
{
  guint n = mw_csv_table_get_n_cells (table, row);

  if (!table->format.has_header)
    return;

  /* the header decides how many columns there are */
  if (n > _mw_csv_record_n_cells (table, 0))
    for (guint c = _mw_csv_record_n_cells (table, 0); c < n; c++)
      {
        const char *cell = mw_csv_table_get_cell (table, row, c);

        if (*cell == '\0')
          continue;
        report_problem (import, table, row, c, MW_IMPORT_PROBLEM_EXTRA_CELLS, TRUE,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "the row has more cells than the header names (%u); “%s” is left out",
                                     "the row has more cells than the header names (%u); “%s” is left out",
                                     _mw_csv_record_n_cells (table, 0)),
                        _mw_csv_record_n_cells (table, 0), g_utf8_validate (cell, -1, NULL) ? cell : "…");
      }
}

/* Workday and others write a person as "Ada Byron (21001)": the id in
 * the brackets, else the name before them. */
static MwActor *
find_by_name_and_id (Import     *import,
                     const char *key)
{
  gsize length = strlen (key);
  const char *open = strrchr (key, '(');
  g_autofree char *inside = NULL;
  g_autofree char *before = NULL;
  MwActor *actor;
  gpointer by_label;

  if (open == NULL || open == key || length < 3 || key[length - 1] != ')')
    return NULL;

  inside = g_strstrip (g_strndup (open + 1, key + length - 1 - (open + 1)));
  before = g_strstrip (g_strndup (key, open - key));
  if (*inside != '\0' && (actor = mw_network_lookup_actor (import->stage, inside)) != NULL)
    return actor;
  by_label = *before != '\0' ? g_hash_table_lookup (import->by_label, before) : NULL;
  return by_label != import->by_label ? by_label : NULL;
}

/* An actor by id, else by a name only one actor has, or an e-mail. */
static MwActor *
find_actor (Import     *import,
            const char *key)
{
  MwActor *actor = mw_network_lookup_actor (import->stage, key);
  g_autofree char *email = NULL;
  gpointer by_label;

  if (actor != NULL)
    return actor;

  by_label = g_hash_table_lookup (import->by_label, key);
  if (by_label == NULL && (email = email_key (key)) != NULL)
    by_label = g_hash_table_lookup (import->by_label, email);
  if (by_label == NULL)
    return find_by_name_and_id (import, key);
  return by_label != import->by_label ? by_label : NULL;
}

/* Whether @key names more than one person (by name or by e-mail). */
static gboolean
is_shared_key (Import     *import,
               const char *key)
{
  g_autofree char *email = email_key (key);

  return g_hash_table_lookup (import->by_label, key) == import->by_label ||
         (email != NULL && g_hash_table_lookup (import->by_label, email) == import->by_label);
}

static void
resolve_managers (Import             *import,
                  MwCsvTable         *table,
                  const MwCsvMapping *mapping,
                  GArray             *people)
{
  int column = mapping->columns[MW_CSV_FIELD_MANAGER];

  for (guint i = 0; i < people->len; i++)
    {
      Person *person = &g_array_index (people, Person, i);

      if (person->manager == NULL || *person->manager == '\0')
        continue;

      person->manager_actor = find_actor (import, person->manager);
      if (person->manager_actor == NULL && is_shared_key (import, person->manager))
        report_problem (import, table, person->row, column, MW_IMPORT_PROBLEM_UNKNOWN_MANAGER, TRUE,
                        _("more than one person is called “%s”; %s is imported without a manager"),
                        person->manager, person->actor->label);
      else if (person->manager_actor == NULL)
        report_problem (import, table, person->row, column, MW_IMPORT_PROBLEM_UNKNOWN_MANAGER, TRUE,
                        _("no one has the id “%s”; %s is imported without a manager"),
                        person->manager, person->actor->label);
      else if (person->manager_actor == person->actor)
        {
          /* HR systems often list the top person as their own manager */
          report_problem (import, table, person->row, column, MW_IMPORT_PROBLEM_SELF_TIE, FALSE,
                          _("%s is their own manager; taken as having none"), person->actor->label);
          person->manager_actor = NULL;
        }
    }
}

/* Each person has at most one manager, so following managers from anyone
 * either ends or runs into a loop. Each loop is broken at the member whose
 * row comes last in the file. */
static void
break_manager_cycles (Import             *import,
                      MwCsvTable         *table,
                      const MwCsvMapping *mapping,
                      GArray             *people)
{
  g_autoptr(GHashTable) person_of = g_hash_table_new (NULL, NULL);
  g_autofree guint *walk = g_new0 (guint, people->len);

  for (guint i = 0; i < people->len; i++)
    g_hash_table_insert (person_of, g_array_index (people, Person, i).actor, GUINT_TO_POINTER (i + 1));

  for (guint start = 0; start < people->len; start++)
    {
      guint i = start;

      while (walk[i] == 0)
        {
          Person *person = &g_array_index (people, Person, i);
          guint next = GPOINTER_TO_UINT (g_hash_table_lookup (person_of, person->manager_actor));

          walk[i] = start + 1;
          if (person->manager_actor == NULL || next == 0)
            break;
          i = next - 1;
        }

      if (walk[i] == start + 1 && g_array_index (people, Person, i).manager_actor != NULL &&
          g_hash_table_contains (person_of, g_array_index (people, Person, i).manager_actor))
        {
          /* i is on a loop found in this walk: list it, and cut it */
          g_autoptr(GString) path = g_string_new (NULL);
          Person *last = NULL;
          guint j = i;

          do
            {
              Person *member = &g_array_index (people, Person, j);

              g_string_append_printf (path, "%s → ", member->actor->label);
              if (last == NULL || member->row > last->row)
                last = member;
              j = GPOINTER_TO_UINT (g_hash_table_lookup (person_of, member->manager_actor)) - 1;
            }
          while (j != i);
          g_string_append (path, g_array_index (people, Person, i).actor->label);

          report_problem (import, table, last->row, mapping->columns[MW_CSV_FIELD_MANAGER],
                          MW_IMPORT_PROBLEM_MANAGER_CYCLE, TRUE,
                          _("managers go round in a circle (%s); %s’s manager is left out"),
                          path->str, last->actor->label);
          last->manager_actor = NULL;
        }
    }
}

static gboolean
import_people (Import             *import,
               MwCsvTable         *table,
               const MwCsvMapping *mapping,
               GError            **error)
{
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (Person));
  guint n_rows = mw_csv_table_get_n_rows (table);

  if (!mw_csv_mapping_is_people (mapping))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("%s: no column gives the people's id or name (map one, e.g. name=COLUMN)"),
                   table->source);
      return FALSE;
    }

  g_array_set_clear_func (people, (GDestroyNotify)person_clear);
  report_notes (import, table);

  for (guint row = 0; row < n_rows; row++)
    {
      g_autoptr(GHashTable) bad_columns = g_hash_table_new (NULL, NULL);
      MwActor *actor;
      Person person = { NULL, row, NULL, NULL };

      if (row_is_blank (table, row))
        continue;

      report_extra_cells (import, table, row);
      if (!check_row_encoding (import, table, mapping, row, FALSE, bad_columns) ||
          (actor = import_person (import, table, mapping, row, bad_columns)) == NULL)
        {
          import->report->n_rows_skipped++;
          continue;
        }

      person.actor = actor;
      person.manager = field_value (table, mapping, row, MW_CSV_FIELD_MANAGER);
      g_array_append_val (people, person);
      {
        g_autofree char *email = field_value (table, mapping, row, MW_CSV_FIELD_EMAIL);

        remember_person (import, actor, email);
      }
    }

  resolve_managers (import, table, mapping, people);
  break_manager_cycles (import, table, mapping, people);

  for (guint i = 0; i < people->len; i++)
    {
      Person *person = &g_array_index (people, Person, i);

      if (person->manager_actor != NULL)
        g_ptr_array_add (import->new_ties,
                         mw_network_add_tie (import->stage, person->actor, person->manager_actor,
                                             MW_TIE_REPORTS, 1.0, NULL));
    }

  return TRUE;
}

/* "2.5", and "2,5" where the comma is not the delimiter. */
static gboolean
parse_weight (const char *text,
              char        delimiter,
              double     *weight)
{
  g_autofree char *copy = g_strdup (text);
  char *comma = strchr (copy, ',');
  char *end;

  if (*copy == '\0')
    {
      *weight = 1.0;
      return TRUE;
    }

  if (comma != NULL && delimiter != ',' && strchr (comma + 1, ',') == NULL)
    *comma = '.';

  *weight = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*weight);
}

static MwActor *
tie_end (Import             *import,
         MwCsvTable         *table,
         const MwCsvMapping *mapping,
         guint               row,
         MwCsvField          field)
{
  g_autofree char *key = field_value (table, mapping, row, field);
  MwActor *actor;

  if (key == NULL || *key == '\0')
    {
      report_problem (import, table, row, mapping->columns[field], MW_IMPORT_PROBLEM_EMPTY_ID, TRUE,
                      "%s", field == MW_CSV_FIELD_SOURCE ? _("the source is empty; the tie is skipped")
                                                        : _("the target is empty; the tie is skipped"));
      return NULL;
    }

  actor = find_actor (import, key);
  if (actor != NULL)
    return actor;

  if (import->options->create_missing_actors)
    {
      actor = mw_network_add_actor (import->stage, key, NULL, MW_ACTOR_PERSON, NULL);
      g_ptr_array_add (import->new_actors, actor);
      /* into a network that has people, a name it does not know may be a
       * misspelling: say who was added, once */
      if (import->report_new_actors)
        report_problem (import, table, row, mapping->columns[field], MW_IMPORT_PROBLEM_UNKNOWN_ACTOR, FALSE,
                        _("no one in the network has the id or name “%s”; a new person is added"), key);
      return actor;
    }

  report_problem (import, table, row, mapping->columns[field], MW_IMPORT_PROBLEM_UNKNOWN_ACTOR, TRUE,
                  _("no one has the id or name “%s”; the tie is skipped"), key);
  return NULL;
}

static gboolean
tie_type_and_weight (Import             *import,
                     MwCsvTable         *table,
                     const MwCsvMapping *mapping,
                     guint               row,
                     MwTieType          *type,
                     double             *weight)
{
  g_autofree char *type_text = field_value (table, mapping, row, MW_CSV_FIELD_TYPE);
  g_autofree char *weight_text = field_value (table, mapping, row, MW_CSV_FIELD_WEIGHT);

  *type = import->options->default_tie_type;
  if (type_text != NULL && *type_text != '\0' && !mw_tie_type_from_synonym (type_text, type))
    {
      report_problem (import, table, row, mapping->columns[MW_CSV_FIELD_TYPE],
                      MW_IMPORT_PROBLEM_BAD_TYPE, TRUE,
                      _("“%s” is not a tie type (reports, collaborates, influences, checks); "
                        "the tie is skipped"), type_text);
      return FALSE;
    }

  *weight = 1.0;
  if (weight_text != NULL && !parse_weight (weight_text, table->format.delimiter, weight))
    {
      report_problem (import, table, row, mapping->columns[MW_CSV_FIELD_WEIGHT],
                      MW_IMPORT_PROBLEM_BAD_NUMBER, TRUE,
                      _("the weight “%s” is not a number; the tie is skipped"), weight_text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
import_tie (Import             *import,
            MwCsvTable         *table,
            const MwCsvMapping *mapping,
            guint               row,
            GHashTable         *bad_columns)
{
  MwActor *from, *to;
  MwTieType type;
  double weight;
  MwTie *tie;

  if (!tie_type_and_weight (import, table, mapping, row, &type, &weight) ||
      (from = tie_end (import, table, mapping, row, MW_CSV_FIELD_SOURCE)) == NULL ||
      (to = tie_end (import, table, mapping, row, MW_CSV_FIELD_TARGET)) == NULL)
    return FALSE;

  if (from == to)
    {
      report_problem (import, table, row, mapping->columns[MW_CSV_FIELD_TARGET],
                      MW_IMPORT_PROBLEM_SELF_TIE, TRUE,
                      _("the tie goes from %s to themselves; it is skipped"), from->label);
      return FALSE;
    }

  tie = mw_network_add_tie (import->stage, from, to, type, weight, NULL);
  g_ptr_array_add (import->new_ties, tie);

  for (guint c = 0; mapping->keep_other_columns && c < MIN (mw_csv_table_get_n_cells (table, row), n_named_columns (table)); c++)
    {
      g_autofree char *value = NULL;
      g_autofree char *key = NULL;

      if (column_is_mapped (mapping, c) || g_hash_table_contains (bad_columns, GUINT_TO_POINTER (c)))
        continue;
      value = g_strstrip (g_strdup (mw_csv_table_get_cell (table, row, c)));
      if (*value == '\0')
        continue;
      key = _mw_csv_attribute_key (table, c);
      mw_network_set_tie_attr (import->stage, tie, key, value);
    }

  return TRUE;
}

static gboolean
import_ties (Import             *import,
             MwCsvTable         *table,
             const MwCsvMapping *mapping,
             GError            **error)
{
  guint n_rows = mw_csv_table_get_n_rows (table);

  if (!mw_csv_mapping_is_ties (mapping))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("%s: no columns give the ties' source and target (map them, e.g. source=COLUMN)"),
                   table->source);
      return FALSE;
    }

  report_notes (import, table);
  for (guint row = 0; row < n_rows; row++)
    {
      g_autoptr(GHashTable) bad_columns = g_hash_table_new (NULL, NULL);

      if (row_is_blank (table, row))
        continue;

      report_extra_cells (import, table, row);
      if (!check_row_encoding (import, table, mapping, row, TRUE, bad_columns) ||
          !import_tie (import, table, mapping, row, bad_columns))
        import->report->n_rows_skipped++;
    }

  return TRUE;
}

void
mw_csv_import_options_init (MwCsvImportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->default_tie_type = MW_TIE_COLLABORATES;
  options->create_missing_actors = FALSE;
}

static void
import_clear (Import *import)
{
  g_clear_object (&import->stage);
  g_clear_pointer (&import->report, mw_import_report_free);
  g_clear_pointer (&import->rows_by_id, g_hash_table_unref);
  g_clear_pointer (&import->by_label, g_hash_table_unref);
  g_clear_pointer (&import->new_actors, g_ptr_array_unref);
  g_clear_pointer (&import->new_ties, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* One file's problems, found in several passes, are listed by row and
 * column (a stable sort keeps a cell's problems in the order found). */
static void
sort_problems_since (Import *import,
                     guint   first)
{
  GPtrArray *problems = import->report->problems;

  if (problems->len > first + 1)
    g_qsort_with_data (problems->pdata + first, problems->len - first, sizeof (gpointer),
                       mw_import_problem_compare, NULL);
}

/* Builds everything on @import->stage; on failure nothing is kept. */
static gboolean
run_import (Import                   *import,
            MwNetwork                *existing,
            MwCsvTable               *people,
            const MwCsvMapping       *people_mapping,
            MwCsvTable               *ties,
            const MwCsvMapping       *ties_mapping,
            const MwCsvImportOptions *options,
            GError                  **error)
{
  MwCsvMapping people_guess, ties_guess;
  MwCsvImportOptions default_options;
  guint first_tie_problem;
  gboolean ok = TRUE;

  if (options == NULL)
    {
      mw_csv_import_options_init (&default_options);
      default_options.create_missing_actors = (people == NULL);
      options = &default_options;
    }
  if (people != NULL && people_mapping == NULL)
    {
      mw_csv_mapping_guess (&people_guess, people, FALSE);
      people_mapping = &people_guess;
    }
  if (ties != NULL && ties_mapping == NULL)
    {
      mw_csv_mapping_guess (&ties_guess, ties, TRUE);
      ties_mapping = &ties_guess;
    }

  import->stage = existing != NULL ? mw_network_copy (existing) : mw_network_new ();
  import->report = mw_import_report_new ();
  import->options = options;
  import->rows_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->by_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->new_actors = g_ptr_array_new ();
  import->new_ties = g_ptr_array_new ();

  for (guint i = 0; i < mw_network_get_n_actors (import->stage); i++)
    {
      MwActor *actor = mw_network_get_actor (import->stage, i);

      remember_person (import, actor, g_hash_table_lookup (actor->attrs, "email"));
    }
  import->report_new_actors = mw_network_get_n_actors (import->stage) > 0;

  mw_network_begin_batch (import->stage, "Import");
  if (people != NULL)
    {
      begin_file (import);
      ok = import_people (import, people, people_mapping, error);
      end_file (import, people);
    }
  sort_problems_since (import, 0);
  first_tie_problem = import->report->problems->len;
  if (ok && ties != NULL)
    {
      begin_file (import);
      ok = import_ties (import, ties, ties_mapping, error);
      end_file (import, ties);
    }
  sort_problems_since (import, first_tie_problem);
  mw_network_end_batch (import->stage);

  import->report->n_actors = import->new_actors->len;
  import->report->n_ties = import->new_ties->len;
  return ok;
}

/**
 * mw_csv_import:
 * @people: (nullable): the people file (org chart)
 * @people_mapping: (nullable): guessed from the header when %NULL
 * @ties: (nullable): the ties file (edge list)
 * @ties_mapping: (nullable): guessed from the header when %NULL
 * @options: (nullable): defaults when %NULL: a row without a type is
 *   `collaborates`; ties add the actors they name only when there is no
 *   people file
 * @report: (out) (transfer full) (optional): every problem, with row and column
 *
 * Builds a new network from the files: a `reports` tie from each person to
 * their manager, then the ties file's ties. Rows with problems are left out
 * and reported; the rest is imported. Positions are not set.
 *
 * Returns: (transfer full) (nullable): the network, or %NULL with @error
 *   when nothing sensible can be imported (no id or name column, say)
 */
MwNetwork *
mw_csv_import (MwCsvTable               *people,
               const MwCsvMapping       *people_mapping,
               MwCsvTable               *ties,
               const MwCsvMapping       *ties_mapping,
               const MwCsvImportOptions *options,
               MwImportReport          **report,
               GError                  **error)
{
  g_auto(Import) import = { 0 };

  g_return_val_if_fail (people != NULL || ties != NULL, NULL);

  if (!run_import (&import, NULL, people, people_mapping, ties, ties_mapping, options, error))
    return NULL;

  if (report != NULL)
    *report = g_steal_pointer (&import.report);
  return g_steal_pointer (&import.stage);
}

static void
apply_actor (MwNetwork     *network,
             const MwActor *actor)
{
  MwActor *copy = mw_network_add_actor (network, actor->id, actor->label, actor->kind, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_assert (copy != NULL);
  mw_network_set_actor_org (network, copy, actor->org);
  mw_network_set_actor_unit (network, copy, actor->unit);

  g_hash_table_iter_init (&iter, actor->attrs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    mw_network_set_actor_attr (network, copy, key, value);
}

static void
apply_tie (MwNetwork   *network,
           const MwTie *tie)
{
  MwActor *from = mw_network_lookup_actor (network, tie->from->id);
  MwActor *to = mw_network_lookup_actor (network, tie->to->id);
  MwTie *copy = mw_network_add_tie (network, from, to, tie->type, tie->weight, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, tie->attrs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    mw_network_set_tie_attr (network, copy, key, value);
}

/**
 * mw_csv_import_into:
 * @network: where the imported actors and ties go
 *
 * Like mw_csv_import(), into an existing network: managers and tie ends may
 * be actors it already has, and an id it already has is a duplicate. The
 * import is checked in full on a copy first and then applied in one batch
 * (one %MW_CHANGE_BATCH named "Import": one undo step); on an error
 * @network is not touched.
 */
gboolean
mw_csv_import_into (MwNetwork                *network,
                    MwCsvTable               *people,
                    const MwCsvMapping       *people_mapping,
                    MwCsvTable               *ties,
                    const MwCsvMapping       *ties_mapping,
                    const MwCsvImportOptions *options,
                    MwImportReport          **report,
                    GError                  **error)
{
  g_auto(Import) import = { 0 };

  g_return_val_if_fail (MW_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (people != NULL || ties != NULL, FALSE);

  if (!run_import (&import, network, people, people_mapping, ties, ties_mapping, options, error))
    return FALSE;

  mw_network_begin_batch (network, "Import");
  for (guint i = 0; i < import.new_actors->len; i++)
    apply_actor (network, g_ptr_array_index (import.new_actors, i));
  for (guint i = 0; i < import.new_ties->len; i++)
    apply_tie (network, g_ptr_array_index (import.new_ties, i));
  mw_network_end_batch (network);

  if (report != NULL)
    *report = g_steal_pointer (&import.report);
  return TRUE;
}
