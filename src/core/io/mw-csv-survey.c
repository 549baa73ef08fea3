/* mw-csv-survey.c: survey rosters: questions found, cells of names split, one tie per name
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A survey export has one row per respondent. A question that asks for
 * names is either one column whose cells hold several names (Google
 * Forms joins checkboxes with ", ", Microsoft Forms with ";", free text
 * has line breaks) or several columns, one per name ("Q3 … - 1", "Q3_1",
 * or SurveyMonkey's question over "Name 1", "Name 2"… in a second header
 * row). Qualtrics writes three header rows: ids, question texts, import
 * ids. Each name becomes a tie from the respondent, of the question's type.
 */

#define G_LOG_DOMAIN "mw-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-csv-survey-private.h"

static void
question_free (Question *question)
{
  g_free (question->text);
  g_free (question->alias);
  g_array_unref (question->columns);
  g_free (question);
}

/* ---------------------------------------------------------------------- */
/* Names                                                                   */

/**
 * mw_csv_survey_name_key:
 *
 * What two spellings of a name share: no accents, any case, single
 * spaces, trimmed ("  José  GARCÍA" and "jose garcia" meet).
 *
 * Returns: (transfer full): the key; "" for invalid UTF-8
 */
char *
mw_csv_survey_name_key (const char *name)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) plain = g_string_new (NULL);
  gboolean space = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
          type == G_UNICODE_ENCLOSING_MARK)
        continue;
      if (g_unichar_isspace (c))
        {
          space = plain->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (plain, ' ');
      space = FALSE;
      g_string_append_unichar (plain, c);
    }

  return g_utf8_casefold (plain->str, -1);
}

/* "Okafor, Maria" → the key of "Maria Okafor"; NULL without exactly one comma. */
char *
_mw_csv_survey_swapped_key (const char *name)
{
  const char *comma = strchr (name, ',');
  g_autofree char *last = NULL;
  g_autofree char *swapped = NULL;

  if (comma == NULL || strchr (comma + 1, ',') != NULL)
    return NULL;

  last = g_strndup (name, comma - name);
  swapped = g_strdup_printf ("%s %s", comma + 1, last);
  return mw_csv_survey_name_key (swapped);
}

static gboolean
is_respondent_name (MwCsvSurvey *survey,
                    const char  *name)
{
  g_autofree char *key = mw_csv_survey_name_key (name);
  g_autofree char *swapped = _mw_csv_survey_swapped_key (name);

  return g_hash_table_contains (survey->respondents, key) ||
         (swapped != NULL && g_hash_table_contains (survey->respondents, swapped));
}

static void
add_pieces (GStrvBuilder *builder,
            const char   *text,
            const char   *separators)
{
  g_auto(GStrv) pieces = g_strsplit_set (text, separators, -1);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_strstrip (pieces[i]);
      if (*pieces[i] != '\0')
        g_strv_builder_add (builder, pieces[i]);
    }
}

/**
 * mw_csv_survey_split_cell:
 * @commas: "," separates names too (else only ";" and line breaks do)
 *
 * Returns: (transfer full): the names in a cell, trimmed, none empty
 */
GStrv
mw_csv_survey_split_cell (const char *cell,
                          gboolean    commas)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (cell != NULL, NULL);

  add_pieces (builder, cell, commas ? ";,\r\n" : ";\r\n");
  return g_strv_builder_end (builder);
}

static gboolean
is_one_word (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return *copy != '\0' && strpbrk (copy, " \t") == NULL;
}

/* "Okafor, Maria" is one person; "Ana Lima, Ben Okafor" two. A respondent
 * by either reading decides; else one word before a single comma is a
 * last name. */
static gboolean
looks_like_last_first (MwCsvSurvey *survey,
                       const char  *piece)
{
  const char *comma = strchr (piece, ',');
  g_autofree char *left = NULL;

  if (comma == NULL || strchr (comma + 1, ',') != NULL)
    return FALSE;
  if (is_respondent_name (survey, piece))
    return TRUE;

  left = g_strndup (piece, comma - piece);
  if (is_respondent_name (survey, left) && is_respondent_name (survey, comma + 1))
    return FALSE;
  return is_one_word (left) && is_one_word (comma + 1);
}

/* ---------------------------------------------------------------------- */
/* Finding the respondent and the questions                               */

static const char *
cell (MwCsvSurvey *survey,
      guint        row,
      guint        column)
{
  return mw_csv_table_get_cell (survey->table, row, column);
}

static gboolean
row_has_cell (MwCsvTable *table,
              guint       row,
              gboolean  (*test) (const char *text))
{
  for (guint c = 0; c < mw_csv_table_get_n_cells (table, row); c++)
    if (test (mw_csv_table_get_cell (table, row, c)))
      return TRUE;
  return FALSE;
}

static gboolean
is_import_id (const char *text)
{
  return g_str_has_prefix (text, "{\"ImportId\"");
}

static gboolean
is_response_caption (const char *text)
{
  return g_ascii_strcasecmp (text, "Response") == 0 || g_ascii_strcasecmp (text, "Open-Ended Response") == 0;
}

/* Qualtrics: question texts, then import ids; SurveyMonkey: "Response",
 * "Name 1"… under each question. */
static guint
count_header_rows (MwCsvTable *table)
{
  guint n = mw_csv_table_get_n_rows (table);

  if (!mw_csv_table_get_format (table)->has_header)
    return 0;
  if (n > 1 && row_has_cell (table, 1, is_import_id))
    return 2;
  if (n > 0 && (row_has_cell (table, 0, is_import_id) || row_has_cell (table, 0, is_response_caption)))
    return 1;
  return 0;
}

static char *
squashed (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

/* What survey tools add to every response: ids, times, addresses. */
gboolean
_mw_csv_survey_is_metadata (const char *header)
{
  static const char * const prefixes[] = {
    "respondentid", "responseid", "collectorid", "startdate", "enddate", "starttime", "endtime",
    "completiontime", "timestamp", "ipaddress", "email", "duration", "progress", "finished",
    "recordeddate", "recipient", "externalreference", "externaldatareference", "location",
    "distributionchannel", "userlanguage", "status", "customdata", "lastmodified", "submitted",
  };
  g_autofree char *flat = squashed (header);

  if (g_str_equal (flat, "id"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (flat, prefixes[i]))
      return TRUE;
  return FALSE;
}

/* "Q3 Who … - 1", "Q3_1", "Who … [Name 2]", "Name 3" → the part before the
 * item number; NULL when there is none. */
static char *
strip_item_number (const char *text)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  char *base;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(.*?\\S)\\s*(?:[-–:_.]\\s*|\\s+)[\\[(]?\\s*"
                                            "(?:name|person|contact|colleague|nom)?\\s*#?\\s*"
                                            "\\d{1,3}\\s*[\\])]?\\s*$",
                                            G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  base = g_match_info_fetch (match, 1);
  return base;
}

/* The header as written: "" where the table calls an empty one "Column 8". */
static const char *
raw_header (MwCsvTable *table,
            guint       column)
{
  const char *name = mw_csv_table_get_column_name (table, column);
  g_autofree char *placeholder = g_strdup_printf (_("Column %u"), column + 1);

  return g_str_equal (name, placeholder) ? "" : name;
}

/* Each column's text: Qualtrics' second header row, or the header; an
 * empty header goes on its left neighbour's question (SurveyMonkey). */
static void
read_labels (MwCsvSurvey *survey)
{
  gboolean texts_below = survey->first_row == 2;
  guint n = mw_csv_table_get_n_columns (survey->table);

  survey->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < n; c++)
    {
      const char *header = raw_header (survey->table, c);
      g_autofree char *text = g_strstrip (g_strdup (texts_below ? cell (survey, 0, c) : header));

      if (*text == '\0' && texts_below)
        mw_set_str (&text, header);
      if (*text == '\0' && c > 0 && !texts_below)
        mw_set_str (&text, g_ptr_array_index (survey->labels, c - 1));
      g_ptr_array_add (survey->labels, g_steal_pointer (&text));
    }
}

static int
find_respondent (MwCsvSurvey *survey)
{
  static const char * const phrases[] = { "your name", "your full name", "respondent name", "full name",
                                          "respondent's name", "ihr name", "votre nom" };
  int exact = -1;

  for (guint c = 0; c < survey->labels->len; c++)
    {
      g_autofree char *text = g_utf8_strdown (g_ptr_array_index (survey->labels, c), -1);
      g_autofree char *flat = squashed (text);

      for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
        if (strstr (text, phrases[i]) != NULL)
          return c;
      if (exact < 0 && (g_str_equal (flat, "name") || g_str_equal (flat, "respondent") ||
                        g_str_equal (flat, "respondentname")))
        exact = c;
    }

  return exact;
}

static void
collect_respondents (MwCsvSurvey *survey)
{
  g_hash_table_remove_all (survey->respondents);
  if (survey->respondent < 0)
    return;

  for (guint r = survey->first_row; r < mw_csv_table_get_n_rows (survey->table); r++)
    {
      char *key = mw_csv_survey_name_key (cell (survey, r, survey->respondent));

      if (*key == '\0')
        g_free (key);
      else
        g_hash_table_insert (survey->respondents, key, GUINT_TO_POINTER (1));
    }
}

static gboolean
asks_for_names (const char *text)
{
  static const char * const words[] = { "who", "whom", "whose", "name", "person", "people",
                                        "colleague", "wer ", "wen ", "qui " };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
column_names_respondents (MwCsvSurvey *survey,
                          guint        column)
{
  for (guint r = survey->first_row; r < mw_csv_table_get_n_rows (survey->table); r++)
    {
      g_auto(GStrv) names = mw_csv_survey_split_cell (cell (survey, r, column), TRUE);
      g_auto(GStrv) whole = mw_csv_survey_split_cell (cell (survey, r, column), FALSE);

      for (guint i = 0; names[i] != NULL; i++)
        if (is_respondent_name (survey, names[i]))
          return TRUE;
      for (guint i = 0; whole[i] != NULL; i++)
        if (is_respondent_name (survey, whole[i]))
          return TRUE;
    }
  return FALSE;
}

/* The question's wording, read from the respondent to the named person:
 * "Who is your manager?" reports, "Whose work do you review?" checks. */
static int
guess_type (const char *text)
{
  static const struct { const char *word; MwTieType type; } words[] = {
    { "report", MW_TIE_REPORTS }, { "manager", MW_TIE_REPORTS }, { "supervis", MW_TIE_REPORTS },
    { "review", MW_TIE_CHECKS }, { "check", MW_TIE_CHECKS }, { "oversee", MW_TIE_CHECKS },
    { "advise", MW_TIE_INFLUENCES }, { "influence", MW_TIE_INFLUENCES },
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i].word) != NULL)
      return words[i].type;
  return MW_TIE_COLLABORATES;
}

static gboolean
decide_commas (MwCsvSurvey *survey,
               Question    *question)
{
  for (guint i = 0; i < question->columns->len; i++)
    for (guint r = survey->first_row; r < mw_csv_table_get_n_rows (survey->table); r++)
      {
        g_auto(GStrv) pieces = mw_csv_survey_split_cell (cell (survey, r, g_array_index (question->columns, guint, i)),
                                                         FALSE);

        for (guint p = 0; pieces[p] != NULL; p++)
          if (looks_like_last_first (survey, pieces[p]))
            return FALSE;
      }
  return TRUE;
}

static Question *
find_question (GPtrArray  *questions,
               const char *text)
{
  for (guint i = 0; i < questions->len; i++)
    {
      Question *question = g_ptr_array_index (questions, i);

      if (g_str_equal (question->text, text))
        return question;
    }
  return NULL;
}

/* Columns of one question share their text once the item number is off. */
static GPtrArray *
group_columns (MwCsvSurvey *survey)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify)question_free);

  for (guint c = 0; c < survey->labels->len; c++)
    {
      const char *label = g_ptr_array_index (survey->labels, c);
      const char *header = mw_csv_table_get_column_name (survey->table, c);
      g_autofree char *text = strip_item_number (label);
      Question *question;

      if ((int)c == survey->respondent || *label == '\0' || _mw_csv_survey_is_metadata (header) ||
          (survey->first_row == 2 && _mw_csv_survey_is_metadata (label)))
        continue;

      question = find_question (groups, text != NULL ? text : label);
      if (question == NULL)
        {
          g_autofree char *alias = strip_item_number (header);

          question = g_new0 (Question, 1);
          question->text = g_strdup (text != NULL ? text : label);
          question->alias = g_strdup (alias != NULL ? alias : header);
          question->columns = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (groups, question);
        }
      g_array_append_val (question->columns, c);
    }

  return groups;
}

static void
find_questions (MwCsvSurvey *survey)
{
  g_autoptr(GPtrArray) groups = group_columns (survey);

  g_ptr_array_set_size (survey->questions, 0);
  for (guint i = 0; i < groups->len; i++)
    {
      Question *question = g_ptr_array_index (groups, i);

      if (question->columns->len < 2 && !asks_for_names (question->text) &&
          !column_names_respondents (survey, g_array_index (question->columns, guint, 0)))
        continue;

      question->type = guess_type (question->text);
      question->commas = decide_commas (survey, question);
      g_ptr_array_add (survey->questions, g_ptr_array_steal_index (groups, i--));
    }
}

/**
 * mw_csv_survey_new:
 *
 * Reads a survey export: which column names the respondent ("Your name",
 * "Name", "Respondent"…), and which questions ask for names, each with
 * its columns and a tie type guessed from its wording (collaborates when
 * the wording says nothing).
 *
 * Returns: (transfer full): the survey; it may have no respondent column
 *   or no questions (mw_csv_survey_import() then says so)
 */
MwCsvSurvey *
mw_csv_survey_new (MwCsvTable *table)
{
  MwCsvSurvey *survey;

  g_return_val_if_fail (table != NULL, NULL);

  survey = g_new0 (MwCsvSurvey, 1);
  g_atomic_ref_count_init (&survey->ref_count);
  survey->table = mw_csv_table_ref (table);
  survey->first_row = count_header_rows (table);
  survey->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)question_free);
  survey->respondents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  read_labels (survey);
  survey->respondent = find_respondent (survey);
  collect_respondents (survey);
  find_questions (survey);
  return survey;
}

MwCsvSurvey *
mw_csv_survey_ref (MwCsvSurvey *survey)
{
  g_return_val_if_fail (survey != NULL, NULL);
  g_atomic_ref_count_inc (&survey->ref_count);
  return survey;
}

void
mw_csv_survey_unref (MwCsvSurvey *survey)
{
  g_return_if_fail (survey != NULL);

  if (!g_atomic_ref_count_dec (&survey->ref_count))
    return;
  mw_csv_table_unref (survey->table);
  g_ptr_array_unref (survey->labels);
  g_ptr_array_unref (survey->questions);
  g_hash_table_unref (survey->respondents);
  g_free (survey);
}

MwCsvTable *
mw_csv_survey_get_table (MwCsvSurvey *survey)
{
  g_return_val_if_fail (survey != NULL, NULL);
  return survey->table;
}

/* The responses: rows past the extra header rows. */
guint
mw_csv_survey_get_n_rows (MwCsvSurvey *survey)
{
  g_return_val_if_fail (survey != NULL, 0);
  return mw_csv_table_get_n_rows (survey->table) - survey->first_row;
}

int
mw_csv_survey_get_respondent_column (MwCsvSurvey *survey)
{
  g_return_val_if_fail (survey != NULL, -1);
  return survey->respondent;
}

static int
find_column (MwCsvSurvey *survey,
             const char  *name)
{
  guint n = mw_csv_table_get_n_columns (survey->table);
  guint64 number;
  char *end;

  for (guint c = 0; c < n; c++)
    if (g_ascii_strcasecmp (mw_csv_table_get_column_name (survey->table, c), name) == 0 ||
        g_utf8_collate (g_ptr_array_index (survey->labels, c), name) == 0)
      return c;

  number = g_ascii_strtoull (name, &end, 10);
  if (end != name && *end == '\0' && number >= 1 && number <= n)
    return number - 1;
  return -1;
}

/**
 * mw_csv_survey_set_respondent:
 * @column: a header (any case) or a column number from 1
 *
 * Names the respondent's column by hand; the questions are found again.
 */
gboolean
mw_csv_survey_set_respondent (MwCsvSurvey  *survey,
                              const char   *column,
                              GError      **error)
{
  int found;

  g_return_val_if_fail (survey != NULL && column != NULL, FALSE);

  found = find_column (survey, column);
  if (found < 0)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID, _("%s has no column “%s”"),
                   mw_csv_table_get_source (survey->table), column);
      return FALSE;
    }

  survey->respondent = found;
  collect_respondents (survey);
  find_questions (survey);
  return TRUE;
}

static Question *
get_question (MwCsvSurvey *survey,
              guint        question)
{
  g_return_val_if_fail (survey != NULL, NULL);
  g_return_val_if_fail (question < survey->questions->len, NULL);
  return g_ptr_array_index (survey->questions, question);
}

guint
mw_csv_survey_get_n_questions (MwCsvSurvey *survey)
{
  g_return_val_if_fail (survey != NULL, 0);
  return survey->questions->len;
}

const char *
mw_csv_survey_get_question_text (MwCsvSurvey *survey,
                                 guint        question)
{
  return get_question (survey, question)->text;
}

guint
mw_csv_survey_get_question_n_columns (MwCsvSurvey *survey,
                                      guint        question)
{
  return get_question (survey, question)->columns->len;
}

/* A #MwTieType, or %MW_CSV_SURVEY_NO_TYPE when the question is left out. */
int
mw_csv_survey_get_question_type (MwCsvSurvey *survey,
                                 guint        question)
{
  return get_question (survey, question)->type;
}

void
mw_csv_survey_set_question_type (MwCsvSurvey *survey,
                                 guint        question,
                                 int          type)
{
  g_return_if_fail (type >= MW_CSV_SURVEY_NO_TYPE && type < MW_N_TIE_TYPES);
  get_question (survey, question)->type = type;
}

/* Whether "," separates names in the question's cells. */
gboolean
mw_csv_survey_get_question_commas (MwCsvSurvey *survey,
                                   guint        question)
{
  return get_question (survey, question)->commas;
}

static int
find_question_by_name (MwCsvSurvey *survey,
                       const char  *name)
{
  int column = -1;

  for (guint i = 0; i < survey->questions->len; i++)
    {
      Question *question = g_ptr_array_index (survey->questions, i);

      if (g_utf8_collate (question->text, name) == 0 || g_ascii_strcasecmp (question->alias, name) == 0)
        return i;
    }

  column = find_column (survey, name);
  for (guint i = 0; column >= 0 && i < survey->questions->len; i++)
    {
      Question *question = g_ptr_array_index (survey->questions, i);

      for (guint c = 0; c < question->columns->len; c++)
        if (g_array_index (question->columns, guint, c) == (guint)column)
          return i;
    }
  return -1;
}

static gboolean
parse_type (const char *text,
            int        *type)
{
  MwTieType tie_type;

  if (g_ascii_strcasecmp (text, "none") == 0 || g_ascii_strcasecmp (text, "skip") == 0)
    {
      *type = MW_CSV_SURVEY_NO_TYPE;
      return TRUE;
    }
  if (!mw_tie_type_from_synonym (text, &tie_type))
    return FALSE;
  *type = tie_type;
  return TRUE;
}

static char *
list_questions (MwCsvSurvey *survey)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < survey->questions->len; i++)
    {
      Question *question = g_ptr_array_index (survey->questions, i);
      g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "", question->text);
    }
  return g_string_free (list, FALSE);
}

/**
 * mw_csv_survey_assign:
 * @assignments: "QUESTION=TYPE" each: the question's text, its header
 *   without the item number ("Q3"), or the header or number of one of its
 *   columns; TYPE reports, collaborates, influences, checks (or a word
 *   for one, such as advice) or none
 *
 * Sets the questions' types. Every assignment is checked first: an
 * unknown question or type is listed (all of them) in @error and nothing
 * changes.
 */
gboolean
mw_csv_survey_assign (MwCsvSurvey         *survey,
                      const char * const  *assignments,
                      GError             **error)
{
  g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GString) unknown_types = g_string_new (NULL);
  g_autoptr(GString) unknown_questions = g_string_new (NULL);

  g_return_val_if_fail (survey != NULL, FALSE);

  for (guint i = 0; i < survey->questions->len; i++)
    g_array_append_val (types, ((Question *)g_ptr_array_index (survey->questions, i))->type);

  for (guint i = 0; assignments != NULL && assignments[i] != NULL; i++)
    {
      const char *equals = strrchr (assignments[i], '=');
      g_autofree char *name = NULL;
      g_autofree char *type_text = NULL;
      int question, type;

      if (equals == NULL)
        {
          g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                       _("“%s”: expected QUESTION=TYPE, for example Q3=collaborates"), assignments[i]);
          return FALSE;
        }
      name = g_strstrip (g_strndup (assignments[i], equals - assignments[i]));
      type_text = g_strstrip (g_strdup (equals + 1));
      question = find_question_by_name (survey, name);
      if (question < 0)
        g_string_append_printf (unknown_questions, "%s“%s”", unknown_questions->len > 0 ? ", " : "", name);
      else if (!parse_type (type_text, &type))
        g_string_append_printf (unknown_types, "%s“%s”", unknown_types->len > 0 ? ", " : "", assignments[i]);
      else
        g_array_index (types, int, question) = type;
    }

  if (unknown_questions->len > 0 || unknown_types->len > 0)
    {
      g_autofree char *known = list_questions (survey);
      g_autoptr(GString) message = g_string_new (NULL);

      if (unknown_questions->len > 0)
        g_string_append_printf (message, _("no question %s in %s (its questions: %s)"),
                                unknown_questions->str, mw_csv_table_get_source (survey->table),
                                *known != '\0' ? known : _("none found"));
      if (unknown_questions->len > 0 && unknown_types->len > 0)
        g_string_append (message, "; ");
      if (unknown_types->len > 0)
        g_string_append_printf (message, _("not a tie type (reports, collaborates, influences, checks or "
                                           "none): %s"), unknown_types->str);
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID, _("%s; nothing is imported"), message->str);
      return FALSE;
    }

  for (guint i = 0; i < survey->questions->len; i++)
    ((Question *)g_ptr_array_index (survey->questions, i))->type = g_array_index (types, int, i);
  return TRUE;
}


