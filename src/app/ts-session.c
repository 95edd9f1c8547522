/* ts-session.c: the engine worker thread and its messages to the UI
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "feed/ts-feed-error.h"
#include "feed/ts-mock-server.h"
#include "feed/ts-recorder.h"
#include "core/ts-param-spec.h"
#include "core/ts-strategy-info.h"
#include "store/ts-journal.h"
#include "ts-session.h"

/* The outbox is handed over at most once per UI frame. */
#define FLUSH_INTERVAL_MS 16
/* Chart points kept in the outbox while the UI does not take them. */
#define MAX_OUTBOX_POINTS 1000000
/* A running recording is flushed to its file at most this often. */
#define RECORDING_FLUSH_US (2 * G_USEC_PER_SEC)
#define STALE_SECONDS_DEFAULT 10.0

/* The strategies the app knows are those of ts_strategy_info_list(), by
 * their index there ("kind"); their symbol keys are "<name>-symbol", or
 * "<name>-symbols" for a pair ("pairs-symbols"). */
#define MAX_KINDS 8
/* the symbols the embedded mock server generates: the pair needs both */
static const char * const mock_symbols[] = { "MOCK-BTC", "MOCK-ETH", NULL };

static const TsStrategyInfo *
kinds_get (guint *n_kinds)
{
  const TsStrategyInfo *infos = ts_strategy_info_list (n_kinds);

  g_assert (*n_kinds <= MAX_KINDS);
  return infos;
}

/* the kind of the strategy called @name, or -1 */
static int
kind_lookup (const char *name)
{
  guint n = 0;
  const TsStrategyInfo *infos = kinds_get (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (infos[i].name, name))
      return (int) i;
  return -1;
}

/* ------------------------------------------------------------------------ */
/* TsSessionUpdate                                                          */

G_DEFINE_BOXED_TYPE (TsSessionUpdate, ts_session_update,
                     ts_session_update_ref, ts_session_update_unref)

static TsSessionUpdate *
ts_session_update_new (void)
{
  TsSessionUpdate *update = g_new0 (TsSessionUpdate, 1);

  update->ref_count = 1;
  update->points = g_array_new (FALSE, FALSE, sizeof (TsChartPoint));
  update->fills = g_array_new (FALSE, FALSE, sizeof (TsFill));
  update->trades = g_array_new (FALSE, FALSE, sizeof (TsTrade));
  update->log = g_array_new (FALSE, FALSE, sizeof (TsTickLogLine));
  update->overlays = g_array_new (FALSE, FALSE, sizeof (TsOverlaySample));
  update->emergency_closed = -1;
  return update;
}

TsSessionUpdate *
ts_session_update_ref (TsSessionUpdate *update)
{
  g_return_val_if_fail (update != NULL, NULL);
  g_atomic_int_inc (&update->ref_count);
  return update;
}

void
ts_session_update_unref (TsSessionUpdate *update)
{
  g_return_if_fail (update != NULL);

  if (!g_atomic_int_dec_and_test (&update->ref_count))
    return;

  g_array_unref (update->points);
  g_array_unref (update->fills);
  g_array_unref (update->trades);
  g_array_unref (update->log);
  g_clear_pointer (&update->overlays, g_array_unref);
  g_free (update->journal_message);
  g_free (update->last_error);
  g_free (update->url);
  g_free (update->recording_path);
  g_free (update->recording_error);
  g_free (update);
}

/* ------------------------------------------------------------------------ */
/* The link from the engine thread back to the session                      */

/* Shared by the session and every delivery in flight. @session is read and
 * cleared on the UI thread only, so a delivery that runs after dispose
 * finds NULL and drops its update. */
typedef struct
{
  TsSession *session;
} SessionLink;

static SessionLink *
session_link_ref (SessionLink *link)
{
  return g_atomic_rc_box_acquire (link);
}

static void
session_link_unref (SessionLink *link)
{
  g_atomic_rc_box_release (link);
}

/* ------------------------------------------------------------------------ */
/* Engine-thread state: touched on the engine thread only                   */

typedef struct
{
  GMainContext     *context;    /* the engine thread's */
  GMainContext     *ui_context; /* where updates go */
  GMainLoop        *loop;
  SessionLink      *link;

  /* every strategy's parameters by kind (g_malloc()ed, its params_size) */
  gpointer          params[MAX_KINDS];
  TsRiskParams      risk;
  TsBrokerParams    broker;

  /* the strategies for the next engine: enabled[] by kind, and their
   * symbols ("A, B" for the pair); momentum alone = ts_engine_new() */
  gboolean          enabled[MAX_KINDS];
  char             *strategy_symbols[MAX_KINDS];
  /* in the current engine, by kind: its id (0 = the single engine's
   * momentum), -1 when it does not run; its symbols */
  int               engine_ids[MAX_KINDS];
  char              kind_symbols[MAX_KINDS][2][TS_SYMBOL_MAX];

  /* the overlay last sent, by kind */
  TsOverlaySample   overlay_sent[MAX_KINDS];
  gboolean          overlay_has_sent[MAX_KINDS];

  /* the trade journal: NULL when it could not be opened or failed */
  TsJournal        *journal;
  gint64            journal_session;   /* 0 = none yet */
  char             *source;            /* what the last connect was to */
  guint             n_fills_journaled; /* of the engine's fills */
  guint             n_trades_journaled;
  /* engine strategy id → the journal session's strategy id */
  guint             journal_ids[TS_ENGINE_MAX_STRATEGIES + 1];
  GArray           *journal_fills;     /* scratch, reused */
  GArray           *journal_trades;

  TsEngine         *engine;
  TsFeedClient     *client;
  gulong            state_changed_id;
  guint             n_fills_seen;
  guint             n_trades_seen;
  double            last_price;
  double            last_bid;
  double            last_ask;
  double            stale_seconds;
  gint64            last_time_us;

  /* risk state, from the decisions seen so far */
  guint             n_decisions_seen;
  const char       *halt_code;       /* the last halting decision */
  gint64            breaker_until_us;

  /* raw messages to a file */
  TsRecorder       *recorder;
  gint64            recorder_flushed; /* monotonic µs */

  /* rejected messages in the tick log, rate-limited */
  gint64            reject_window_start; /* monotonic µs */
  guint             reject_lines_in_window;
  guint64           rejects_pending;     /* not shown in the current window */
  guint64           rejects_not_logged;

  /* the outbox */
  TsSessionUpdate  *outbox;
  TsTickLogLine     log[TS_SESSION_LOG_LINES]; /* ring */
  guint             log_head;                  /* next slot */
  guint             log_len;
  gboolean          dirty;
  gboolean          handoff_pending;
  gboolean          stopping;
  GSource          *flush_source;
} EngineState;

typedef enum
{
  CMD_CONNECT,
  CMD_DISCONNECT,
  CMD_SET_PARAMS,
  CMD_RECORD_START,
  CMD_RECORD_STOP,
  CMD_EMERGENCY_STOP,
  CMD_RESUME,
  CMD_SET_STRATEGIES,
} CommandKind;

typedef struct
{
  CommandKind       kind;
  EngineState      *state;
  char             *url;
  TsVenue           venue;
  char            **symbols;
  double            stale_seconds;
  TsRecorder       *recorder;
  gboolean          has_risk, has_broker;
  gpointer          params[MAX_KINDS]; /* owned; NULL = keep */
  TsRiskParams      risk;
  TsBrokerParams    broker;
  gboolean          enabled[MAX_KINDS];
  char             *strategy_symbols[MAX_KINDS];
} Command;

struct _TsSession
{
  GObject          parent_instance;

  GMainContext    *ui_context;
  GThread         *thread;
  EngineState     *state;
  SessionLink     *link;

  TsMockServer    *mock_server;
  char            *mock_url;
  gboolean         recording;
  double           stale_seconds;

  GSettings       *settings;
  gulong           settings_changed_id;
  /* the strategy parameters last sent to the engine thread, by kind */
  gpointer         sent_params[MAX_KINDS];
  gint64           journal_session_id;

  /* what the UI thread has received */
  GArray          *trades;
  GArray          *fills;
  TsFeedState      feed_state;
  gint64           last_time_us;  /* newest exchange time received */
};

G_DEFINE_FINAL_TYPE (TsSession, ts_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MOCK_SERVER_RUNNING,
  PROP_RECORDING,
  N_PROPS
};

enum {
  UPDATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void engine_schedule_flush (EngineState *state);

static void
engine_reset_outbox (EngineState *state)
{
  g_clear_pointer (&state->outbox, ts_session_update_unref);
  state->outbox = ts_session_update_new ();
}

static gboolean
engine_is_momentum_only (EngineState *state)
{
  guint n = 0;
  const TsStrategyInfo *infos = kinds_get (&n);

  for (guint i = 0; i < n; i++)
    if (state->enabled[i] != g_str_equal (infos[i].name, "momentum"))
      return FALSE;
  return TRUE;
}

/* the symbols of kind @kind: its key's, else its defaults; into
 * state->kind_symbols[kind], returns how many */
static guint
engine_kind_symbols (EngineState *state,
                     guint        kind)
{
  guint n = 0;
  const TsStrategyInfo *info = &kinds_get (&n)[kind];
  const char *text = state->strategy_symbols[kind];
  g_auto(GStrv) parts = NULL;
  guint n_symbols = 0;

  memset (state->kind_symbols[kind], 0, sizeof state->kind_symbols[kind]);
  if (text == NULL || strspn (text, ", ") == strlen (text))
    text = info->default_symbols;
  parts = g_strsplit_set (text, ", ", -1);
  for (guint j = 0; parts[j] != NULL && n_symbols < G_N_ELEMENTS (state->kind_symbols[kind]); j++)
    if (parts[j][0] != '\0')
      g_strlcpy (state->kind_symbols[kind][n_symbols++], parts[j], TS_SYMBOL_MAX);
  return n_symbols;
}

/* a multi engine with the enabled strategies and their parameters */
static TsEngine *
engine_new_multi (EngineState *state)
{
  TsEngine *engine = ts_engine_new_multi (&state->risk, &state->broker);
  guint n_kinds = 0;
  const TsStrategyInfo *infos = kinds_get (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    {
      TsStrategy *strategy;
      const char *symbols[3] = { NULL, NULL, NULL };
      guint n_symbols;
      guint id;

      if (!state->enabled[i])
        continue;

      strategy = infos[i].new_strategy (state->params[i]);
      if (strategy == NULL)
        {
          g_warning ("The %s strategy refused its parameters", infos[i].name);
          continue;
        }

      n_symbols = engine_kind_symbols (state, i);
      for (guint j = 0; j < n_symbols; j++)
        symbols[j] = state->kind_symbols[i][j];

      id = ts_engine_add_strategy (engine, strategy, symbols);
      if (id == 0)
        g_warning ("The %s strategy was refused (symbols \"%s\")", infos[i].name,
                   state->strategy_symbols[i] != NULL ? state->strategy_symbols[i] : "");
      else
        state->engine_ids[i] = (int) id;
    }

  return engine;
}

static void
engine_new_engine (EngineState *state)
{
  g_clear_pointer (&state->engine, ts_engine_free);
  for (guint i = 0; i < MAX_KINDS; i++)
    {
      state->engine_ids[i] = -1;
      state->overlay_has_sent[i] = FALSE;
    }
  if (engine_is_momentum_only (state))
    {
      int kind = kind_lookup ("momentum");
      const char *symbol = state->strategy_symbols[kind];

      state->engine = ts_engine_new (state->params[kind], &state->risk, &state->broker);
      if (symbol != NULL && symbol[0] != '\0')
        ts_engine_set_symbol (state->engine, symbol);
      state->engine_ids[kind] = 0;
      memset (state->kind_symbols[kind], 0, sizeof state->kind_symbols[kind]);
      if (symbol != NULL)
        g_strlcpy (state->kind_symbols[kind][0], symbol, TS_SYMBOL_MAX);
    }
  else
    state->engine = engine_new_multi (state);
  state->n_fills_seen = 0;
  state->n_trades_seen = 0;
  state->n_fills_journaled = 0;
  state->n_trades_journaled = 0;
  state->last_price = NAN;
  state->last_bid = NAN;
  state->last_ask = NAN;
  state->last_time_us = 0;
  state->n_decisions_seen = 0;
  state->halt_code = NULL;
  state->breaker_until_us = 0;
  state->log_head = 0;
  state->log_len = 0;
}

static void
engine_mark_dirty (EngineState *state)
{
  state->dirty = TRUE;
  engine_schedule_flush (state);
}

static TsTickLogLine *
engine_log_next (EngineState *state)
{
  TsTickLogLine *line = &state->log[state->log_head];

  state->log_head = (state->log_head + 1) % TS_SESSION_LOG_LINES;
  if (state->log_len < TS_SESSION_LOG_LINES)
    state->log_len++;
  state->outbox->log_changed = TRUE;
  return line;
}

static void
engine_log_reason (EngineState *state,
                   const char  *reason)
{
  TsTickLogLine *line = engine_log_next (state);
  const char *end = NULL;

  memset (line, 0, sizeof *line);
  line->time_us = g_get_real_time ();
  line->price = line->bid = line->ask = line->size = NAN;
  g_strlcpy (line->reason, reason, sizeof line->reason);
  /* a cut in the middle of a character would not be valid UTF-8 */
  if (!g_utf8_validate (line->reason, -1, &end))
    line->reason[end - line->reason] = '\0';
}

/* Closes the rate limiter's window when a second has passed, with a line
 * for the rejections it did not show. */
static void
engine_reject_window (EngineState *state,
                      gint64       now)
{
  if (now - state->reject_window_start < G_USEC_PER_SEC)
    return;
  if (state->rejects_pending > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%" G_GUINT64_FORMAT " more rejected message not shown",
                                   "%" G_GUINT64_FORMAT " more rejected messages not shown",
                                   state->rejects_pending),
                         state->rejects_pending);

      engine_log_reason (state, text);
      state->rejects_pending = 0;
      engine_mark_dirty (state);
    }
  state->reject_window_start = now;
  state->reject_lines_in_window = 0;
}

/* A line for a message or tick that was dropped, rate-limited to
 * TS_SESSION_REJECT_LINES_PER_SECOND lines a second; @text is consumed. */
static void
engine_log_dropped (EngineState *state,
                    char        *text)
{
  engine_reject_window (state, g_get_monotonic_time ());
  if (state->reject_lines_in_window < TS_SESSION_REJECT_LINES_PER_SECOND)
    {
      engine_log_reason (state, text);
      state->reject_lines_in_window++;
    }
  else
    {
      state->rejects_pending++;
      state->rejects_not_logged++;
    }
  g_free (text);
  engine_mark_dirty (state);
}

static void
on_reject (const GError *error,
           const char   *data,
           gsize         length,
           gpointer      user_data)
{
  /* Translators: a feed message was rejected; %s says why */
  engine_log_dropped (user_data, g_strdup_printf (_("rejected: %s"), error->message));
}

static void
engine_reset_rejects (EngineState *state)
{
  state->reject_window_start = 0;
  state->reject_lines_in_window = 0;
  state->rejects_pending = 0;
  state->rejects_not_logged = 0;
}

static void
engine_stop_recording (EngineState *state)
{
  g_autoptr(GError) error = NULL;
  TsSessionUpdate *outbox = state->outbox;

  if (state->recorder == NULL)
    return;

  if (state->client != NULL)
    ts_feed_client_set_recorder (state->client, NULL);
  ts_recorder_close (state->recorder, &error);
  outbox->recording_stopped = TRUE;
  g_free (outbox->recording_path);
  outbox->recording_path = g_strdup (ts_recorder_get_path (state->recorder));
  outbox->recording_messages = ts_recorder_get_n_messages (state->recorder);
  g_free (outbox->recording_error);
  outbox->recording_error = error != NULL ? g_strdup (error->message) : NULL;
  g_clear_pointer (&state->recorder, ts_recorder_free);
  engine_mark_dirty (state);
}

static void
engine_log_tick (EngineState  *state,
                 const TsTick *tick)
{
  TsTickLogLine *line = engine_log_next (state);

  line->reason[0] = '\0';
  line->time_us = tick->time_us;
  line->flags = tick->flags;
  line->price = (tick->flags & TS_TICK_TRADE) ? tick->price : NAN;
  line->size = (tick->flags & TS_TICK_TRADE) ? tick->size : NAN;
  line->bid = (tick->flags & TS_TICK_QUOTE) ? tick->bid : NAN;
  line->ask = (tick->flags & TS_TICK_QUOTE) ? tick->ask : NAN;
  memcpy (line->symbol, tick->symbol, sizeof line->symbol);
  line->symbol[TS_SYMBOL_MAX - 1] = '\0';
}

/* new fills and trades of the engine into the outbox; returns the number
 * of new trades */
static guint
engine_collect (EngineState    *state,
                TsEngineEvents  events)
{
  TsSessionUpdate *outbox = state->outbox;
  guint new_trades = 0;

  if (events & TS_ENGINE_EVENT_FILL)
    {
      guint n = 0;
      const TsFill *fills = ts_engine_get_fills (state->engine, &n);

      if (n > state->n_fills_seen)
        g_array_append_vals (outbox->fills, fills + state->n_fills_seen,
                             n - state->n_fills_seen);
      state->n_fills_seen = n;
    }

  if (events & TS_ENGINE_EVENT_TRADE)
    {
      guint n = 0;
      const TsTrade *trades = ts_engine_get_trades (state->engine, &n);

      if (n > state->n_trades_seen)
        {
          new_trades = n - state->n_trades_seen;
          g_array_append_vals (outbox->trades, trades + state->n_trades_seen, new_trades);
        }
      state->n_trades_seen = n;
    }

  return new_trades;
}

/* the risk state from the decisions not seen yet */
static void
engine_update_risk_state (EngineState     *state,
                          TsSessionUpdate *update)
{
  guint n = 0;
  const TsDecision *decisions = ts_engine_get_decisions (state->engine, &n);

  for (guint i = state->n_decisions_seen; i < n; i++)
    {
      const char *code = decisions[i].code;

      if (g_str_equal (code, "RESUMED_ALL"))
        {
          state->halt_code = NULL;
          state->breaker_until_us = 0;
        }
      else if (g_str_equal (code, "RESUMED"))
        {
          if (state->halt_code != NULL
              && (g_str_equal (state->halt_code, "HALTED") || g_str_equal (state->halt_code, "DAILY")))
            state->halt_code = NULL;
        }
      else if (g_str_equal (code, "EMERGENCY_STOP") || g_str_equal (code, "DRAWDOWN_HALT")
               || g_str_equal (code, "HALTED") || g_str_equal (code, "DAILY"))
        {
          /* a refusal by a halt already known does not hide the first cause */
          if (state->halt_code == NULL
              || !(g_str_equal (code, "HALTED") || g_str_equal (code, "DAILY")))
            state->halt_code = code;
        }
      else if (g_str_equal (code, "CIRCUIT_BREAKER"))
        {
          if (decisions[i].time_us >= state->breaker_until_us)
            state->breaker_until_us = decisions[i].time_us
                                      + (gint64)(state->risk.circuit_breaker_seconds * G_USEC_PER_SEC);
        }
    }
  state->n_decisions_seen = n;

  update->risk_halted = FALSE;
  update->risk_code = NULL;
  update->risk_until_us = 0;
  if (update->stats.halted)
    {
      update->risk_halted = TRUE;
      update->risk_code = state->halt_code != NULL ? state->halt_code : "HALTED";
    }
  else if (state->last_time_us < state->breaker_until_us)
    {
      update->risk_halted = TRUE;
      update->risk_code = "CIRCUIT_BREAKER";
      update->risk_until_us = state->breaker_until_us;
    }
}

/* ------------------------------------------------------------------------ */
/* The trade journal, on the engine thread                                  */

/* Adds a sentence to the outbox's journal message, and logs it. */
static void
engine_journal_say (EngineState *state,
                    gboolean     failed,
                    const char  *text)
{
  TsSessionUpdate *outbox = state->outbox;

  if (failed)
    g_warning ("Journal: %s", text);
  else
    g_message ("Journal: %s", text);

  if (outbox->journal_message == NULL)
    outbox->journal_message = g_strdup (text);
  else
    {
      char *joined = g_strconcat (outbox->journal_message, " ", text, NULL);

      g_free (outbox->journal_message);
      outbox->journal_message = joined;
    }
  outbox->journal_failed |= failed;
  engine_mark_dirty (state);
}

/* A journal error: said, and the journal is off until the next start;
 * trading goes on. */
static void
engine_journal_fail (EngineState  *state,
                     const GError *error)
{
  /* Translators: %s is SQLite's or the file system's message */
  g_autofree char *text = g_strdup_printf (_("The trade journal is off: %s"), error->message);

  engine_journal_say (state, TRUE, text);
  g_clear_pointer (&state->journal, ts_journal_close);
  state->journal_session = 0;
}

static void
engine_journal_open (EngineState *state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ts_journal_dup_default_path ();

  state->journal = ts_journal_open (path, &error);
  if (state->journal == NULL)
    engine_journal_fail (state, error);
}

/* the short name of the strategy with engine id @id */
static const char *
engine_strategy_name (EngineState *state,
                      guint        id)
{
  guint n = 0;
  const TsStrategyInfo *infos = kinds_get (&n);

  for (guint i = 0; i < n; i++)
    if (state->engine_ids[i] >= 0 && (guint) state->engine_ids[i] == id)
      return infos[i].name;
  return NULL;
}

/* the engine's strategies in id order, "maxwell,momentum" (the journal's
 * strategy column: a name's id is its place, from 1; a single engine is
 * "momentum", id 0) */
static char *
engine_strategy_names (EngineState *state)
{
  GString *names = g_string_new (NULL);
  guint n = ts_engine_get_n_strategies (state->engine);

  if (n == 0)
    g_string_append (names, engine_strategy_name (state, 0));
  for (guint id = 1; id <= n; id++)
    {
      const char *name = engine_strategy_name (state, id);

      if (names->len > 0)
        g_string_append_c (names, ',');
      g_string_append (names, name != NULL ? name : "?");
    }
  return g_string_free (names, FALSE);
}

static void
json_append_specs (GString           *json,
                   const TsParamSpec *specs,
                   guint              n_specs,
                   gconstpointer      params)
{
  g_string_append_c (json, '{');
  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *value = ts_param_spec_format (&specs[i], ts_param_spec_get_value (&specs[i], params));

      g_string_append_printf (json, i > 0 ? ",\"%s\":" : "\"%s\":", specs[i].key);
      if (specs[i].type == TS_PARAM_CHOICE)
        g_string_append_printf (json, "\"%s\"", value);
      else
        g_string_append (json, value);
    }
  g_string_append_c (json, '}');
}

/* what the journal keeps of the parameters: the engine's strategies, their
 * symbols and parameters, the risk limits and the broker's costs */
static char *
engine_params_json (EngineState *state)
{
  GString *json = g_string_new ("{\"strategies\":[");
  guint n_kinds = 0, n_specs = 0;
  const TsStrategyInfo *infos = kinds_get (&n_kinds);
  const TsParamSpec *specs;
  gboolean first = TRUE;

  for (guint i = 0; i < n_kinds; i++)
    {
      if (state->engine_ids[i] < 0)
        continue;
      g_string_append_printf (json, "%s{\"id\":%d,\"name\":\"%s\",\"symbols\":[", first ? "" : ",",
                              state->engine_ids[i], infos[i].name);
      for (guint j = 0; j < G_N_ELEMENTS (state->kind_symbols[i]); j++)
        if (state->kind_symbols[i][j][0] != '\0')
          {
            g_autofree char *escaped = g_strescape (state->kind_symbols[i][j], NULL);

            g_string_append_printf (json, "%s\"%s\"", j > 0 ? "," : "", escaped);
          }
      g_string_append (json, "],\"params\":");
      json_append_specs (json, infos[i].specs, infos[i].n_specs, state->params[i]);
      g_string_append_c (json, '}');
      first = FALSE;
    }
  g_string_append (json, "],\"risk\":");
  specs = ts_risk_params_get_specs (&n_specs);
  json_append_specs (json, specs, n_specs, &state->risk);
  g_string_append (json, ",\"broker\":");
  specs = ts_broker_params_get_specs (&n_specs);
  json_append_specs (json, specs, n_specs, &state->broker);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

/* the engine id of the strategy the journal session knows as @journal_id,
 * or -1 */
static int
engine_id_from_journal (EngineState *state,
                        guint        journal_id)
{
  for (guint i = 0; i < MAX_KINDS; i++)
    if (state->engine_ids[i] >= 0 && state->journal_ids[state->engine_ids[i]] == journal_id)
      return state->engine_ids[i];
  return -1;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  EngineState *state = user_data;
  const TsJournalPosition *pa = a, *pb = b;
  int ia = engine_id_from_journal (state, pa->strategy_id);
  int ib = engine_id_from_journal (state, pb->strategy_id);
  const char *name = NULL;
  int kind;
  int leg_a = 0, leg_b = 0;

  if (pa->strategy_id != pb->strategy_id)
    return pa->strategy_id < pb->strategy_id ? -1 : 1;
  /* the legs of one strategy in the order of its symbols */
  if (ia >= 0)
    name = engine_strategy_name (state, (guint) ia);
  kind = name != NULL ? kind_lookup (name) : -1;
  if (kind >= 0 && ia == ib)
    {
      leg_a = g_str_equal (pa->symbol, state->kind_symbols[kind][0]) ? 0 : 1;
      leg_b = g_str_equal (pb->symbol, state->kind_symbols[kind][0]) ? 0 : 1;
    }
  if (leg_a != leg_b)
    return leg_a - leg_b;
  return strcmp (pa->symbol, pb->symbol);
}

/* Puts the journal session @session's closed trades and open @positions
 * back into the new engine and records into it from now on. */
/* orders trades by exit time (g_array_sort() is stable: a merge sort) */
static int
compare_trade_exit (gconstpointer a,
                    gconstpointer b)
{
  gint64 ta = ((const TsTrade *) a)->exit_time_us;
  gint64 tb = ((const TsTrade *) b)->exit_time_us;

  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

static void
engine_journal_resume (EngineState            *state,
                       const TsJournalSession *session,
                       GArray                 *positions)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) old_names = g_strsplit (session->strategy, ",", -1);
  guint n_old = g_strv_length (old_names);
  g_autoptr(GArray) trades = ts_journal_load_trades (state->journal, session->id, &error);
  g_autoptr(GArray) restorable = g_array_new (FALSE, FALSE, sizeof (TsTrade));
  gboolean old_single;
  guint extra = 0, n_skipped = 0, n_invalid = 0, n_restored = 0, n_engine_trades = 0, n_fills = 0;
  const TsTrade *engine_trades;
  guint n_kinds = 0;
  const TsStrategyInfo *infos = kinds_get (&n_kinds);

  if (trades == NULL)
    {
      engine_journal_fail (state, error);
      return;
    }
  state->journal_session = session->id;

  /* which engine wrote it: a single engine's strategy id is 0 */
  if (trades->len > 0)
    old_single = g_array_index (trades, TsTrade, 0).strategy_id == 0;
  else if (positions->len > 0)
    old_single = g_array_index (positions, TsJournalPosition, 0).strategy_id == 0;
  else
    old_single = ts_engine_get_n_strategies (state->engine) == 0;

  /* the engine's ids to the session's: by name */
  memset (state->journal_ids, 0, sizeof state->journal_ids);
  for (guint k = 0; k < n_kinds; k++)
    {
      guint id;
      int place = -1;

      if (state->engine_ids[k] < 0)
        continue;
      id = (guint) state->engine_ids[k];
      for (guint j = 0; j < n_old; j++)
        if (g_str_equal (g_strstrip (old_names[j]), infos[k].name))
          place = (int) j;
      if (place >= 0 && !(old_single && place > 0))
        state->journal_ids[id] = old_single ? 0 : (guint) place + 1;
      else
        /* a strategy the session did not have: after its names */
        state->journal_ids[id] = n_old + 1 + extra++;
    }

  for (guint i = 0; i < trades->len; i++)
    {
      TsTrade trade = g_array_index (trades, TsTrade, i);
      int id = engine_id_from_journal (state, trade.strategy_id);

      if (id < 0)
        {
          n_skipped++;
          continue;
        }
      /* one that exits before its entry (written by an earlier version
       * when a source's clock went back) would make the engine refuse
       * them all: leave it in the journal, count it as not restored */
      if (trade.exit_time_us < trade.entry_time_us)
        {
          n_invalid++;
          continue;
        }
      trade.strategy_id = (guint) id;
      g_array_append_val (restorable, trade);
    }
  /* The engine takes them in exit order. The journal's order is the order
   * they were written; an exchange clock that went back between two runs
   * (a restarted mock server, a replay) can make it differ. */
  g_array_sort (restorable, compare_trade_exit);
  if (restorable->len > 0
      && !ts_engine_restore_history (state->engine, (const TsTrade *)(gpointer) restorable->data,
                                     restorable->len, &error))
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The session's closed trades could not be restored: %s."),
                                               error->message);

      engine_journal_say (state, FALSE, text);
      g_clear_error (&error);
    }

  g_array_sort_with_data (positions, compare_positions, state);
  for (guint i = 0; i < positions->len; i++)
    {
      const TsJournalPosition *pos = &g_array_index (positions, TsJournalPosition, i);
      int id = engine_id_from_journal (state, pos->strategy_id);
      gboolean last_leg = i + 1 == positions->len
                          || g_array_index (positions, TsJournalPosition, i + 1).strategy_id != pos->strategy_id;
      const char *position_state = NULL;
      const char *name = id >= 0 ? engine_strategy_name (state, (guint) id) : NULL;
      TsFill entry = { 0 };

      if (id < 0)
        {
          const char *old_name = old_single ? old_names[0]
                                 : pos->strategy_id >= 1 && pos->strategy_id <= n_old ? old_names[pos->strategy_id - 1]
                                 : NULL;
          /* Translators: a strategy name, then a symbol */
          g_autofree char *text = g_strdup_printf (_("The open %s position on %s was not restored: the strategy is not enabled; it stays in the journal."),
                                                   old_name != NULL ? old_name : "?", pos->symbol);

          engine_journal_say (state, FALSE, text);
          continue;
        }

      /* the state comes with the last leg (any leg of it may hold it) */
      for (guint j = i + 1; last_leg && j-- > 0 && position_state == NULL;)
        {
          const TsJournalPosition *other = &g_array_index (positions, TsJournalPosition, j);

          if (other->strategy_id != pos->strategy_id)
            break;
          position_state = other->state;
        }

      entry.time_us = pos->entry_time_us;
      entry.side = pos->side;
      entry.price = pos->entry_price;
      entry.size = pos->size;
      entry.fee = pos->entry_fee;
      entry.opens = TRUE;
      entry.reason = "RESTORED";
      g_strlcpy (entry.symbol, pos->symbol, sizeof entry.symbol);
      entry.strategy_id = (guint) id;

      /* a single engine that was given no symbol trades the position's */
      if (ts_engine_get_n_strategies (state->engine) == 0
          && (ts_engine_get_symbol (state->engine) == NULL || ts_engine_get_symbol (state->engine)[0] == '\0'))
        ts_engine_set_symbol (state->engine, pos->symbol);

      if (!ts_engine_restore_position (state->engine, &entry, last_leg ? position_state : NULL, &error))
        {
          /* Translators: a strategy name, a symbol, then why */
          g_autofree char *text = g_strdup_printf (_("The open %s position on %s was not restored: %s; it stays in the journal."),
                                                   name, pos->symbol, error->message);

          engine_journal_say (state, FALSE, text);
          g_clear_error (&error);
          continue;
        }
      n_restored++;
      g_message ("Journal: restored open position: strategy=%s symbol=%s side=%s size=%.17g entry_price=%.17g entry_time_us=%" G_GINT64_FORMAT " session=%" G_GINT64_FORMAT,
                 name, pos->symbol, pos->side == TS_SIDE_BUY ? "long" : "short",
                 pos->size, pos->entry_price, pos->entry_time_us, session->id);
    }

  /* the restored trades go to the UI (the trade list), not again to the
   * journal */
  engine_trades = ts_engine_get_trades (state->engine, &n_engine_trades);
  g_array_append_vals (state->outbox->trades, engine_trades, n_engine_trades);
  state->n_trades_seen = state->n_trades_journaled = n_engine_trades;
  ts_engine_get_fills (state->engine, &n_fills);
  state->n_fills_seen = state->n_fills_journaled = n_fills;

  {
    g_autofree char *positions_text =
      /* Translators: the first part of "Restored 1 open position and 12 trades" */
      g_strdup_printf (ngettext ("Restored %u open position", "Restored %u open positions", n_restored),
                       n_restored);
    g_autofree char *text =
      /* Translators: "Restored 1 open position" then "and 12 trades" */
      g_strdup_printf (ngettext ("%s and %u trade", "%s and %u trades", n_engine_trades),
                       positions_text, n_engine_trades);

    engine_journal_say (state, FALSE, text);
  }
  if (n_invalid > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u closed trade that exits before its entry was not restored.",
                                   "%u closed trades that exit before their entry were not restored.",
                                   n_invalid), n_invalid);

      engine_journal_say (state, FALSE, text);
    }
  if (n_skipped > 0)
    {
      g_autofree char *text =
        g_strdup_printf (ngettext ("%u closed trade of a strategy no longer enabled was not restored.",
                                   "%u closed trades of strategies no longer enabled were not restored.",
                                   n_skipped), n_skipped);

      engine_journal_say (state, FALSE, text);
    }
}

/* At an engine (re)build: resumes the newest journal session when it was
 * not ended (a crash) or has open positions, else begins a new one. */
static void
engine_journal_attach (EngineState *state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sessions = NULL;
  g_autoptr(GArray) positions = NULL;
  const TsJournalSession *newest = NULL;

  state->journal_session = 0;
  if (state->journal == NULL)
    return;

  for (guint id = 0; id <= TS_ENGINE_MAX_STRATEGIES; id++)
    state->journal_ids[id] = id;

  sessions = ts_journal_list_sessions (state->journal, &error);
  if (sessions == NULL)
    {
      engine_journal_fail (state, error);
      return;
    }
  if (sessions->len > 0)
    {
      newest = &g_array_index (sessions, TsJournalSession, sessions->len - 1);
      positions = ts_journal_load_open_positions (state->journal, newest->id, NULL, &error);
      if (positions == NULL)
        {
          engine_journal_fail (state, error);
          return;
        }
      if (newest->ended_us == 0 || positions->len > 0)
        {
          engine_journal_resume (state, newest, positions);
          return;
        }
    }

  {
    g_autofree char *names = engine_strategy_names (state);
    g_autofree char *json = engine_params_json (state);

    state->journal_session = ts_journal_begin_session (state->journal, g_get_real_time (),
                                                       state->source != NULL ? state->source : "",
                                                       names, json, state->broker.initial_capital,
                                                       &error);
    if (state->journal_session == 0)
      engine_journal_fail (state, error);
  }
}

/* Writes the engine's fills and trades not journaled yet, in one
 * transaction, and the state of the positions they opened. */
static void
engine_journal_record (EngineState *state)
{
  g_autoptr(GError) error = NULL;
  guint n_fills = 0, n_trades = 0;
  const TsFill *fills;
  const TsTrade *trades;

  if (state->journal == NULL || state->journal_session == 0 || state->engine == NULL)
    return;

  fills = ts_engine_get_fills (state->engine, &n_fills);
  trades = ts_engine_get_trades (state->engine, &n_trades);
  if (n_fills <= state->n_fills_journaled && n_trades <= state->n_trades_journaled)
    return;

  g_array_set_size (state->journal_fills, 0);
  g_array_set_size (state->journal_trades, 0);
  if (n_fills > state->n_fills_journaled)
    g_array_append_vals (state->journal_fills, fills + state->n_fills_journaled,
                         n_fills - state->n_fills_journaled);
  if (n_trades > state->n_trades_journaled)
    g_array_append_vals (state->journal_trades, trades + state->n_trades_journaled,
                         n_trades - state->n_trades_journaled);
  for (guint i = 0; i < state->journal_fills->len; i++)
    {
      TsFill *fill = &g_array_index (state->journal_fills, TsFill, i);

      fill->strategy_id = state->journal_ids[MIN (fill->strategy_id, TS_ENGINE_MAX_STRATEGIES)];
    }
  for (guint i = 0; i < state->journal_trades->len; i++)
    {
      TsTrade *trade = &g_array_index (state->journal_trades, TsTrade, i);

      trade->strategy_id = state->journal_ids[MIN (trade->strategy_id, TS_ENGINE_MAX_STRATEGIES)];
    }

  if (!ts_journal_record_events (state->journal, state->journal_session,
                                 (const TsFill *)(gpointer) state->journal_fills->data,
                                 state->journal_fills->len,
                                 (const TsTrade *)(gpointer) state->journal_trades->data,
                                 state->journal_trades->len, &error))
    {
      engine_journal_fail (state, error);
      return;
    }

  for (guint i = state->n_fills_journaled; i < n_fills; i++)
    {
      g_autofree char *text = NULL;

      if (!fills[i].opens)
        continue;
      text = ts_engine_dup_position_state (state->engine, fills[i].strategy_id);
      if (text != NULL
          && !ts_journal_set_position_state (state->journal, state->journal_session,
                                             state->journal_ids[MIN (fills[i].strategy_id, TS_ENGINE_MAX_STRATEGIES)],
                                             fills[i].symbol, text, &error))
        {
          engine_journal_fail (state, error);
          return;
        }
    }

  state->n_fills_journaled = n_fills;
  state->n_trades_journaled = n_trades;
}

/* Leaves the journal session: ended when flat; with open positions it
 * stays unfinished, to be resumed. */
static void
engine_journal_detach (EngineState *state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) positions = NULL;

  if (state->journal == NULL || state->journal_session == 0)
    return;

  engine_journal_record (state);
  if (state->journal == NULL)
    return;
  positions = ts_journal_load_open_positions (state->journal, state->journal_session, NULL, &error);
  if (positions == NULL
      || (positions->len == 0
          && !ts_journal_end_session (state->journal, state->journal_session, g_get_real_time (), &error)))
    {
      engine_journal_fail (state, error);
      return;
    }
  state->journal_session = 0;
}

static void
on_ticks (const TsTick *ticks,
          guint         n_ticks,
          gpointer      user_data)
{
  EngineState *state = user_data;
  TsSessionUpdate *outbox = state->outbox;

  for (guint i = 0; i < n_ticks; i++)
    {
      const TsTick *tick = &ticks[i];
      guint64 stale = ts_engine_get_stale_count (state->engine);
      TsEngineEvents events = ts_engine_push_tick (state->engine, tick);
      const char *symbol = ts_engine_get_symbol (state->engine);

      engine_collect (state, events);
      /* older than the engine's time (a restarted source): the engine
       * dropped it, and so do the chart and the log */
      if (ts_engine_get_stale_count (state->engine) != stale)
        {
          /* Translators: a tick older than the newest one by %.1f seconds */
          engine_log_dropped (state, g_strdup_printf (_("dropped: tick %.1f s older than the newest"),
                                                      (state->last_time_us - tick->time_us) / (double) G_USEC_PER_SEC));
          continue;
        }
      if (ts_tick_is_valid (tick))
        state->last_time_us = MAX (state->last_time_us, tick->time_us);

      engine_log_tick (state, tick);

      if (symbol != NULL && symbol[0] != '\0' && strcmp (symbol, tick->symbol) == 0)
        {
          TsChartPoint point;

          if (tick->flags & TS_TICK_TRADE)
            state->last_price = tick->price;
          if (tick->flags & TS_TICK_QUOTE)
            {
              state->last_bid = tick->bid;
              state->last_ask = tick->ask;
            }

          /* within the engine's skew a tick may be a little older: the
           * chart takes it at the newest time, as the engine does */
          point.time_us = MAX (tick->time_us, state->last_time_us);
          point.price = state->last_price;
          point.bid = state->last_bid;
          point.ask = state->last_ask;

          if (outbox->points->len < MAX_OUTBOX_POINTS)
            g_array_append_val (outbox->points, point);
          else
            outbox->points_dropped++;
        }
    }

  /* into the journal before the UI sees them */
  engine_journal_record (state);

  if (n_ticks > 0)
    engine_mark_dirty (state);
}

static void
on_client_state_changed (TsFeedClient *client,
                         EngineState  *state)
{
  engine_mark_dirty (state);
}

static void deliver_update (EngineState *state);

static gboolean
on_flush (gpointer user_data)
{
  EngineState *state = user_data;

  g_clear_pointer (&state->flush_source, g_source_unref);

  if (state->dirty && !state->handoff_pending)
    deliver_update (state);

  return G_SOURCE_REMOVE;
}

static void
engine_schedule_flush (EngineState *state)
{
  if (state->flush_source != NULL || state->handoff_pending || !state->dirty
      || state->stopping)
    return;

  state->flush_source = g_timeout_source_new (FLUSH_INTERVAL_MS);
  g_source_set_name (state->flush_source, "[tickscope] session flush");
  g_source_set_callback (state->flush_source, on_flush, state, NULL);
  g_source_attach (state->flush_source, state->context);
}

/* A delivery on its way to the UI thread. */
typedef struct
{
  SessionLink     *link;
  EngineState     *state;   /* only passed back to the engine thread */
  GMainContext    *engine_context;
  TsSessionUpdate *update;
} Delivery;

static void
delivery_free (gpointer data)
{
  Delivery *delivery = data;

  g_clear_pointer (&delivery->update, ts_session_update_unref);
  g_clear_pointer (&delivery->engine_context, g_main_context_unref);
  session_link_unref (delivery->link);
  g_free (delivery);
}

static gboolean
on_handoff_done (gpointer user_data)
{
  EngineState *state = user_data;

  state->handoff_pending = FALSE;
  engine_schedule_flush (state);
  return G_SOURCE_REMOVE;
}

static void ts_session_receive (TsSession       *self,
                                TsSessionUpdate *update);

static gboolean
on_delivery (gpointer user_data)
{
  Delivery *delivery = user_data;
  TsSession *self = delivery->link->session;

  if (self == NULL)
    return G_SOURCE_REMOVE;

  g_object_ref (self);
  ts_session_receive (self, delivery->update);
  /* The engine thread may hand over the next outbox now. */
  g_main_context_invoke (delivery->engine_context, on_handoff_done, delivery->state);
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

static gboolean
overlay_equal (const TsOverlaySample *a,
               const TsOverlaySample *b)
{
  if (a->n_values != b->n_values)
    return FALSE;
  for (guint i = 0; i < a->n_values; i++)
    {
      double x = a->values[i].value, y = b->values[i].value;

      if (a->values[i].name != b->values[i].name
          && g_strcmp0 (a->values[i].name, b->values[i].name) != 0)
        return FALSE;
      if (!(x == y || (isnan (x) && isnan (y))))
        return FALSE;
    }
  return TRUE;
}

/* each running strategy's chart overlay whose values changed since the
 * last sample sent; no allocation but the update's array */
static void
engine_sample_overlays (EngineState     *state,
                        TsSessionUpdate *update)
{
  guint n_kinds = 0;

  kinds_get (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      TsOverlaySample *sample = &state->overlay_sent[i];
      TsOverlaySample now;
      TsStrategy *strategy;

      if (state->engine_ids[i] <= 0)
        continue;
      strategy = ts_engine_get_strategy (state->engine, (guint) state->engine_ids[i]);
      if (strategy == NULL)
        continue;
      now.n_values = ts_strategy_get_overlay (strategy, now.values, TS_SESSION_OVERLAY_MAX);
      if (state->overlay_has_sent[i] && overlay_equal (&now, sample))
        continue;

      sample->time_us = state->last_time_us;
      sample->strategy_id = (guint) state->engine_ids[i];
      sample->strategy = ts_strategy_get_name (strategy);
      g_strlcpy (sample->symbol, state->kind_symbols[i][0], sizeof sample->symbol);
      sample->n_values = now.n_values;
      memcpy (sample->values, now.values, now.n_values * sizeof now.values[0]);
      state->overlay_has_sent[i] = TRUE;
      g_array_append_vals (update->overlays, sample, 1);
    }
}

/* the engine's strategy names by engine id, for the trade list */
static void
engine_fill_strategy_names (EngineState     *state,
                            TsSessionUpdate *update)
{
  guint n = 0;
  const TsStrategyInfo *infos = kinds_get (&n);

  for (guint i = 0; i < n; i++)
    if (state->engine_ids[i] >= 0 && state->engine_ids[i] <= TS_ENGINE_MAX_STRATEGIES)
      update->strategy_names[state->engine_ids[i]] = infos[i].name;
}

static void
deliver_update (EngineState *state)
{
  TsSessionUpdate *update = g_steal_pointer (&state->outbox);
  Delivery *delivery;
  const char *symbol;
  const char *error;
  const char *url;
  const TsDecoderStats *stats;
  gint64 now = g_get_monotonic_time ();

  engine_reject_window (state, now);
  state->outbox = ts_session_update_new ();
  state->dirty = FALSE;

  if (state->engine != NULL)
    {
      update->has_stats = TRUE;
      ts_engine_get_stats (state->engine, &update->stats);
      engine_update_risk_state (state, update);
      engine_sample_overlays (state, update);
      engine_fill_strategy_names (state, update);
    }
  update->journal_session_id = state->journal_session;

  symbol = state->engine != NULL ? ts_engine_get_symbol (state->engine) : NULL;
  g_strlcpy (update->symbol, symbol != NULL ? symbol : "", sizeof update->symbol);

  if (update->log_changed)
    {
      guint start = (state->log_head + TS_SESSION_LOG_LINES - state->log_len)
                    % TS_SESSION_LOG_LINES;

      for (guint i = 0; i < state->log_len; i++)
        g_array_append_val (update->log,
                            state->log[(start + i) % TS_SESSION_LOG_LINES]);
    }

  update->feed_state = ts_feed_client_get_state (state->client);
  update->retry_seconds = ts_feed_client_get_retry_seconds (state->client);
  error = ts_feed_client_get_last_error (state->client);
  update->last_error = g_strdup (error);
  url = ts_feed_client_get_url (state->client);
  update->url = g_strdup (url);
  update->messages = ts_feed_client_get_messages (state->client);
  update->ticks = ts_feed_client_get_ticks (state->client);
  update->rejected = ts_feed_client_get_rejected (state->client);
  stats = ts_feed_client_get_decoder_stats (state->client);
  if (stats != NULL)
    memcpy (update->rejected_by_code, stats->rejected_by_code, sizeof update->rejected_by_code);
  update->rejects_not_logged = state->rejects_not_logged;
  update->gaps = ts_feed_client_get_gaps (state->client);
  update->reconnects = ts_feed_client_get_reconnects (state->client);
  update->venue = ts_feed_client_get_venue (state->client);
  update->seconds_since_tick = ts_feed_client_get_seconds_since_tick (state->client);
  update->stale_seconds = ts_feed_client_get_stale_seconds (state->client);

  if (state->recorder != NULL)
    {
      update->recording = TRUE;
      if (!update->recording_stopped)
        update->recording_path = g_strdup (ts_recorder_get_path (state->recorder));
      if (!update->recording_stopped)
        update->recording_messages = ts_recorder_get_n_messages (state->recorder);
      if (now - state->recorder_flushed >= RECORDING_FLUSH_US)
        {
          ts_recorder_flush (state->recorder, NULL); /* errors come with the close */
          state->recorder_flushed = now;
        }
    }

  state->handoff_pending = TRUE;

  delivery = g_new0 (Delivery, 1);
  delivery->link = session_link_ref (state->link);
  delivery->state = state;
  delivery->engine_context = g_main_context_ref (state->context);
  delivery->update = update;
  g_main_context_invoke_full (state->ui_context, G_PRIORITY_DEFAULT,
                              on_delivery, delivery, delivery_free);
}

static gboolean
on_command (gpointer user_data)
{
  Command *cmd = user_data;
  EngineState *state = cmd->state;

  if (state->stopping)
    return G_SOURCE_REMOVE;

  switch (cmd->kind)
    {
    case CMD_CONNECT:
      {
        /* a new source: the engine starts over (the client's own
         * reconnects never come here, they keep the engine) */
        gboolean was_recording = state->recorder != NULL;
        g_autofree char *detach_message = NULL;
        gboolean detach_failed;

        engine_journal_detach (state);
        /* what detaching said (a write that failed) must outlive the
         * outbox of the old engine */
        detach_message = g_steal_pointer (&state->outbox->journal_message);
        detach_failed = state->outbox->journal_failed;
        g_free (state->source);
        state->source = g_strdup (cmd->url);
        engine_new_engine (state);
        engine_reset_outbox (state);
        state->outbox->journal_message = g_steal_pointer (&detach_message);
        state->outbox->journal_failed = detach_failed;
        engine_journal_attach (state);
        engine_reset_rejects (state);
        state->outbox->reset = TRUE;
        state->outbox->log_changed = TRUE;
        state->outbox->recording = was_recording;
        ts_feed_client_set_stale_seconds (state->client, cmd->stale_seconds);
        ts_feed_client_set_venue (state->client, cmd->venue, (const char * const *) cmd->symbols);
        ts_feed_client_connect (state->client, cmd->url);
        engine_mark_dirty (state);
      }
      break;

    case CMD_RECORD_START:
      engine_stop_recording (state);
      state->recorder = g_steal_pointer (&cmd->recorder);
      state->recorder_flushed = g_get_monotonic_time ();
      ts_feed_client_set_recorder (state->client, state->recorder);
      engine_mark_dirty (state);
      break;

    case CMD_RECORD_STOP:
      engine_stop_recording (state);
      break;

    case CMD_EMERGENCY_STOP:
      {
        TsEngineEvents events = ts_engine_emergency_stop (state->engine);
        guint closed = engine_collect (state, events);

        engine_journal_record (state);

        state->outbox->emergency_closed = MAX (state->outbox->emergency_closed, 0) + (int) closed;
        engine_mark_dirty (state);
      }
      break;

    case CMD_RESUME:
      ts_engine_resume (state->engine);
      engine_mark_dirty (state);
      break;

    case CMD_DISCONNECT:
      ts_feed_client_disconnect (state->client);
      engine_mark_dirty (state);
      break;

    case CMD_SET_PARAMS:
      {
        guint n_kinds = 0;
        const TsStrategyInfo *infos = kinds_get (&n_kinds);

        if (cmd->has_risk)
          state->risk = cmd->risk;
        if (cmd->has_broker)
          state->broker = cmd->broker;
        ts_engine_set_params (state->engine, NULL,
                              cmd->has_risk ? &cmd->risk : NULL,
                              cmd->has_broker ? &cmd->broker : NULL);
        for (guint i = 0; i < n_kinds; i++)
          {
            if (cmd->params[i] == NULL)
              continue;
            g_free (state->params[i]);
            state->params[i] = g_steal_pointer (&cmd->params[i]);
            /* the running strategy takes them from its next tick on */
            if (state->engine_ids[i] == 0)
              ts_engine_set_params (state->engine, state->params[i], NULL, NULL);
            else if (state->engine_ids[i] > 0
                     && !ts_strategy_set_params (ts_engine_get_strategy (state->engine, (guint) state->engine_ids[i]),
                                                 state->params[i], infos[i].params_size))
              g_warning ("The %s strategy refused its new parameters; they apply from the next connect",
                         infos[i].name);
          }
      }
      break;

    case CMD_SET_STRATEGIES:
      /* for the next engine, made on the next connect */
      for (guint i = 0; i < MAX_KINDS; i++)
        {
          state->enabled[i] = cmd->enabled[i];
          g_free (state->strategy_symbols[i]);
          state->strategy_symbols[i] = g_steal_pointer (&cmd->strategy_symbols[i]);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_REMOVE;
}

static void
command_free (gpointer data)
{
  Command *cmd = data;

  g_free (cmd->url);
  g_strfreev (cmd->symbols);
  g_clear_pointer (&cmd->recorder, ts_recorder_free);
  for (guint i = 0; i < MAX_KINDS; i++)
    {
      g_free (cmd->strategy_symbols[i]);
      g_free (cmd->params[i]);
    }
  g_free (cmd);
}

static void
ts_session_send (TsSession *self,
                 Command   *cmd)
{
  cmd->state = self->state;
  g_main_context_invoke_full (self->state->context, G_PRIORITY_DEFAULT,
                              on_command, cmd, command_free);
}

static gpointer
engine_thread_main (gpointer data)
{
  EngineState *state = data;

  g_main_context_push_thread_default (state->context);

  engine_reset_outbox (state);
  state->journal_fills = g_array_new (FALSE, FALSE, sizeof (TsFill));
  state->journal_trades = g_array_new (FALSE, FALSE, sizeof (TsTrade));
  engine_journal_open (state);
  engine_new_engine (state);
  state->client = ts_feed_client_new ();
  ts_feed_client_set_tick_func (state->client, on_ticks, state, NULL);
  ts_feed_client_set_reject_func (state->client, on_reject, state, NULL);
  state->state_changed_id =
    g_signal_connect (state->client, "state-changed",
                      G_CALLBACK (on_client_state_changed), state);

  g_main_loop_run (state->loop);

  state->stopping = TRUE;
  if (state->flush_source != NULL)
    {
      g_source_destroy (state->flush_source);
      g_clear_pointer (&state->flush_source, g_source_unref);
    }
  engine_stop_recording (state);
  ts_feed_client_set_tick_func (state->client, NULL, NULL, NULL);
  ts_feed_client_set_reject_func (state->client, NULL, NULL, NULL);
  g_clear_signal_handler (&state->state_changed_id, state->client);
  ts_feed_client_disconnect (state->client);
  g_clear_object (&state->client);
  /* Let pending callbacks (cancelled connects, closes, queued commands) run
   * while the context is still the thread-default one. */
  for (guint i = 0; i < 1000 && g_main_context_iteration (state->context, FALSE); i++)
    ;
  /* a clean shutdown: the session ends when flat, else it stays open to
   * be resumed with its positions */
  engine_journal_detach (state);
  g_clear_pointer (&state->journal, ts_journal_close);
  g_clear_pointer (&state->journal_fills, g_array_unref);
  g_clear_pointer (&state->journal_trades, g_array_unref);
  g_clear_pointer (&state->source, g_free);
  g_clear_pointer (&state->engine, ts_engine_free);
  g_clear_pointer (&state->outbox, ts_session_update_unref);
  for (guint i = 0; i < MAX_KINDS; i++)
    g_clear_pointer (&state->strategy_symbols[i], g_free);

  g_main_context_pop_thread_default (state->context);

  return NULL;
}

static gboolean
on_quit (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* ------------------------------------------------------------------------ */
/* UI thread                                                                */

static void
ts_session_receive (TsSession       *self,
                    TsSessionUpdate *update)
{
  if (update->reset)
    {
      g_array_set_size (self->trades, 0);
      g_array_set_size (self->fills, 0);
    }

  g_array_append_vals (self->trades, update->trades->data, update->trades->len);
  g_array_append_vals (self->fills, update->fills->data, update->fills->len);
  self->feed_state = update->feed_state;
  self->journal_session_id = update->journal_session_id;
  if (update->points != NULL && update->points->len > 0)
    self->last_time_us = MAX (self->last_time_us,
                              g_array_index (update->points, TsChartPoint,
                                             update->points->len - 1).time_us);
  for (guint i = 0; i < update->fills->len; i++)
    self->last_time_us = MAX (self->last_time_us,
                              g_array_index (update->fills, TsFill, i).time_us);

  g_signal_emit (self, signals[UPDATE], 0, update);
}

static void
ts_session_dispose (GObject *object)
{
  TsSession *self = (TsSession *)object;

  if (self->settings != NULL)
    g_clear_signal_handler (&self->settings_changed_id, self->settings);
  g_clear_object (&self->settings);

  if (self->link != NULL)
    {
      self->link->session = NULL;
      g_clear_pointer (&self->link, session_link_unref);
    }

  if (self->thread != NULL)
    {
      /* as a source on the engine context: a g_main_loop_quit() before the
       * thread has entered g_main_loop_run() would be lost */
      g_main_context_invoke_full (self->state->context, G_PRIORITY_HIGH, on_quit,
                                  g_main_loop_ref (self->state->loop),
                                  (GDestroyNotify)g_main_loop_unref);
      g_thread_join (g_steal_pointer (&self->thread));
    }

  if (self->mock_server != NULL)
    ts_mock_server_stop (self->mock_server);
  g_clear_object (&self->mock_server);
  g_clear_pointer (&self->mock_url, g_free);

  G_OBJECT_CLASS (ts_session_parent_class)->dispose (object);
}

static void
ts_session_finalize (GObject *object)
{
  TsSession *self = (TsSession *)object;

  if (self->state != NULL)
    {
      g_main_loop_unref (self->state->loop);
      g_main_context_unref (self->state->ui_context);
      session_link_unref (self->state->link);
      g_main_context_unref (self->state->context);
      for (guint i = 0; i < MAX_KINDS; i++)
        g_free (self->state->params[i]);
      g_free (self->state);
    }

  g_clear_pointer (&self->trades, g_array_unref);
  g_clear_pointer (&self->fills, g_array_unref);
  for (guint i = 0; i < MAX_KINDS; i++)
    g_clear_pointer (&self->sent_params[i], g_free);

  G_OBJECT_CLASS (ts_session_parent_class)->finalize (object);
}

static void
ts_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TsSession *self = TS_SESSION (object);

  switch (prop_id)
    {
    case PROP_MOCK_SERVER_RUNNING:
      g_value_set_boolean (value, ts_session_is_mock_server_running (self));
      break;

    case PROP_RECORDING:
      g_value_set_boolean (value, self->recording);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_session_class_init (TsSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ts_session_dispose;
  object_class->finalize = ts_session_finalize;
  object_class->get_property = ts_session_get_property;

  /**
   * TsSession:mock-server-running:
   *
   * Whether the embedded mock server runs.
   */
  properties[PROP_MOCK_SERVER_RUNNING] =
    g_param_spec_boolean ("mock-server-running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TsSession:recording:
   *
   * Whether raw messages are being recorded (ts_session_start_recording()).
   */
  properties[PROP_RECORDING] =
    g_param_spec_boolean ("recording", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TsSession::update:
   * @self: the session
   * @update: (transfer none): what changed on the engine thread
   *
   * Emitted on the UI thread (the thread-default context of ts_session_new()),
   * at most about once per 16 ms, when the engine thread has something new.
   * ts_session_get_trades() and ts_session_get_fills() already include it.
   */
  signals[UPDATE] =
    g_signal_new ("update",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  TS_TYPE_SESSION_UPDATE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
ts_session_init (TsSession *self)
{
  EngineState *state = g_new0 (EngineState, 1);

  self->trades = g_array_new (FALSE, FALSE, sizeof (TsTrade));
  self->fills = g_array_new (FALSE, FALSE, sizeof (TsFill));
  self->feed_state = TS_FEED_STATE_DISCONNECTED;
  self->stale_seconds = STALE_SECONDS_DEFAULT;
  self->ui_context = g_main_context_ref_thread_default ();

  self->link = g_atomic_rc_box_new0 (SessionLink);
  self->link->session = self;

  {
    guint n_kinds = 0;
    const TsStrategyInfo *infos = kinds_get (&n_kinds);

    for (guint i = 0; i < n_kinds; i++)
      {
        state->params[i] = ts_strategy_info_new_params (&infos[i]);
        state->enabled[i] = g_str_equal (infos[i].name, "momentum");
      }
  }
  ts_risk_params_init_default (&state->risk);
  ts_broker_params_init_default (&state->broker);
  state->context = g_main_context_new ();
  state->ui_context = g_main_context_ref (self->ui_context);
  state->loop = g_main_loop_new (state->context, FALSE);
  state->link = session_link_ref (self->link);
  self->state = state;

  self->thread = g_thread_new ("ts-engine", engine_thread_main, state);
}

TsSession *
ts_session_new (void)
{
  return g_object_new (TS_TYPE_SESSION, NULL);
}

void
ts_session_connect_venue (TsSession          *self,
                          TsVenue             venue,
                          const char         *url,
                          const char * const *symbols)
{
  Command *cmd;

  g_return_if_fail (TS_IS_SESSION (self));
  g_return_if_fail (venue < TS_N_VENUES);
  g_return_if_fail (url != NULL);

  g_array_set_size (self->trades, 0);
  g_array_set_size (self->fills, 0);

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_CONNECT;
  cmd->url = g_strdup (url);
  cmd->venue = venue;
  cmd->symbols = g_strdupv ((char **) symbols);
  cmd->stale_seconds = self->stale_seconds;
  ts_session_send (self, cmd);
}

void
ts_session_connect (TsSession  *self,
                    const char *url)
{
  ts_session_connect_venue (self, TS_VENUE_MOCK, url, NULL);
}

/* Serves @recording from a new embedded mock server in place of the one
 * running, if any, and connects to it; on the UI thread */
static gboolean
start_replay_of (TsSession    *self,
                 TsRecording  *recording,
                 double        speed,
                 GError      **error)
{
  g_autoptr(TsMockServer) server = NULL;
  TsMockServerOptions options;

  ts_mock_server_options_init_default (&options);
  options.port = 0;
  options.speed = speed;
  server = ts_mock_server_new_for_recording (&options, recording);

  ts_session_stop_mock_server (self);
  if (!ts_mock_server_start (server, error))
    return FALSE;

  self->mock_server = g_steal_pointer (&server);
  self->mock_url = ts_mock_server_dup_url (self->mock_server);
  ts_session_connect (self, self->mock_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOCK_SERVER_RUNNING]);
  return TRUE;
}

gboolean
ts_session_start_replay (TsSession   *self,
                         const char  *path,
                         double       speed,
                         GError     **error)
{
  g_autoptr(TsRecording) recording = NULL;

  g_return_val_if_fail (TS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (speed >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  recording = ts_recording_load (path, NULL, error);
  if (recording == NULL)
    return FALSE;
  return start_replay_of (self, recording, speed, error);
}

typedef struct
{
  char   *path;
  double  speed;
} ReplayLoad;

static void
replay_load_free (gpointer data)
{
  ReplayLoad *load = data;

  g_free (load->path);
  g_free (load);
}

/* on a GTask worker thread: only the file (the task data), no session state */
static void
replay_load_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;
  TsRecording *recording = ts_recording_load (path, cancellable, &error);

  if (recording == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, recording, (GDestroyNotify)ts_recording_unref);
}

/* back on the thread of ts_session_start_replay_async(): starts the server */
static void
replay_loaded_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TsSession *self = g_task_get_source_object (task);
  const ReplayLoad *load = g_task_get_task_data (task);
  g_autoptr(TsRecording) recording = NULL;
  GError *error = NULL;

  recording = g_task_propagate_pointer (G_TASK (result), &error);
  if (recording == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* cancelled after the file was read: the caller chose something else */
  if (g_task_return_error_if_cancelled (task))
    return;
  if (self->thread == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED,
                               "cannot replay %s: the session was closed", load->path);
      return;
    }
  if (!start_replay_of (self, recording, load->speed, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
ts_session_start_replay_async (TsSession           *self,
                               const char          *path,
                               double               speed,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) load_task = NULL;
  GTask *task;
  ReplayLoad *load;

  g_return_if_fail (TS_IS_SESSION (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (speed >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  load = g_new0 (ReplayLoad, 1);
  load->path = g_strdup (path);
  load->speed = speed;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ts_session_start_replay_async);
  g_task_set_name (task, "ts_session_start_replay");
  g_task_set_task_data (task, load, replay_load_free);

  /* the worker's own task, whose callback (on this thread) owns @task.
   * Without a source object: the worker thread may drop its reference to
   * it last, and @self must not be disposed on that thread. */
  load_task = g_task_new (NULL, cancellable, replay_loaded_cb, task);
  g_task_set_source_tag (load_task, replay_load_thread);
  g_task_set_name (load_task, "ts_session_start_replay: load");
  g_task_set_task_data (load_task, g_strdup (path), g_free);
  g_task_run_in_thread (load_task, replay_load_thread);
}

gboolean
ts_session_start_replay_finish (TsSession     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (TS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, ts_session_start_replay_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
ts_session_start_recording (TsSession   *self,
                            const char  *path,
                            GError     **error)
{
  TsRecorder *recorder;
  Command *cmd;

  g_return_val_if_fail (TS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  recorder = ts_recorder_new (path, error);
  if (recorder == NULL)
    return FALSE;

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_RECORD_START;
  cmd->recorder = recorder;
  ts_session_send (self, cmd);

  if (!self->recording)
    {
      self->recording = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDING]);
    }
  return TRUE;
}

void
ts_session_stop_recording (TsSession *self)
{
  Command *cmd;

  g_return_if_fail (TS_IS_SESSION (self));

  if (!self->recording)
    return;

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_RECORD_STOP;
  ts_session_send (self, cmd);

  self->recording = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDING]);
}

gboolean
ts_session_is_recording (TsSession *self)
{
  g_return_val_if_fail (TS_IS_SESSION (self), FALSE);
  return self->recording;
}

void
ts_session_set_stale_seconds (TsSession *self,
                              double     seconds)
{
  g_return_if_fail (TS_IS_SESSION (self));
  g_return_if_fail (seconds > 0);
  self->stale_seconds = seconds;
}

void
ts_session_disconnect (TsSession *self)
{
  Command *cmd;

  g_return_if_fail (TS_IS_SESSION (self));

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_DISCONNECT;
  ts_session_send (self, cmd);
}

/* Where the mock server's clock starts: now, or just after the newest
 * exchange time this app has seen (in this run, or in the journal), when
 * that is later. A mock server sped up runs ahead of the wall clock; one
 * started again must not go back behind the positions the engine resumes
 * (the engine would drop its ticks as stale). */
static gint64
mock_start_time (TsSession *self)
{
  g_autoptr(GError) error = NULL;
  gint64 journal_us = 0;
  gint64 start_us = g_get_real_time ();

  if (!ts_journal_peek_last_time (NULL, &journal_us, &error))
    g_warning ("The mock server starts at the wall clock: %s", error->message);
  if (MAX (journal_us, self->last_time_us) >= start_us)
    start_us = MAX (journal_us, self->last_time_us) + G_USEC_PER_SEC;
  return start_us;
}

gboolean
ts_session_start_mock_server (TsSession  *self,
                              guint16     port,
                              double      rate,
                              double      speed,
                              GError    **error)
{
  g_autoptr(TsMockServer) server = NULL;
  TsMockServerOptions options;

  g_return_val_if_fail (TS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (rate > 0, FALSE);
  g_return_val_if_fail (speed > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->mock_server != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("The mock server already runs at %s"), self->mock_url);
      return FALSE;
    }

  ts_mock_server_options_init_default (&options);
  options.port = port;
  options.rate = rate;
  options.speed = speed;
  options.symbols = mock_symbols;
  options.start_us = mock_start_time (self);

  server = ts_mock_server_new (&options);
  if (!ts_mock_server_start (server, error))
    return FALSE;

  self->mock_server = g_steal_pointer (&server);
  self->mock_url = ts_mock_server_dup_url (self->mock_server);
  ts_session_connect (self, self->mock_url);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOCK_SERVER_RUNNING]);

  return TRUE;
}

void
ts_session_stop_mock_server (TsSession *self)
{
  g_return_if_fail (TS_IS_SESSION (self));

  if (self->mock_server == NULL)
    return;

  ts_session_disconnect (self);
  ts_mock_server_stop (self->mock_server);
  g_clear_object (&self->mock_server);
  g_clear_pointer (&self->mock_url, g_free);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOCK_SERVER_RUNNING]);
}

gboolean
ts_session_is_mock_server_running (TsSession *self)
{
  g_return_val_if_fail (TS_IS_SESSION (self), FALSE);

  return self->mock_server != NULL;
}

const char *
ts_session_get_mock_server_url (TsSession *self)
{
  g_return_val_if_fail (TS_IS_SESSION (self), NULL);

  return self->mock_url;
}

void
ts_session_emergency_stop (TsSession *self)
{
  Command *cmd;

  g_return_if_fail (TS_IS_SESSION (self));

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_EMERGENCY_STOP;
  ts_session_send (self, cmd);
}

void
ts_session_resume_trading (TsSession *self)
{
  Command *cmd;

  g_return_if_fail (TS_IS_SESSION (self));

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_RESUME;
  ts_session_send (self, cmd);
}

/* Sends the parameters of the kinds in @params (owned, NULL = keep) and
 * the risk and broker ones (nullable) to the engine thread. */
static void
ts_session_send_params (TsSession            *self,
                        gpointer              params[MAX_KINDS],
                        const TsRiskParams   *risk,
                        const TsBrokerParams *broker)
{
  Command *cmd = g_new0 (Command, 1);
  guint n_kinds = 0;
  const TsStrategyInfo *infos = kinds_get (&n_kinds);

  cmd->kind = CMD_SET_PARAMS;
  for (guint i = 0; i < n_kinds; i++)
    {
      if (params[i] == NULL)
        continue;
      cmd->params[i] = params[i];
      g_free (self->sent_params[i]);
      self->sent_params[i] = g_memdup2 (params[i], infos[i].params_size);
    }
  if (risk != NULL)
    {
      cmd->has_risk = TRUE;
      cmd->risk = *risk;
    }
  if (broker != NULL)
    {
      cmd->has_broker = TRUE;
      cmd->broker = *broker;
    }
  ts_session_send (self, cmd);
}

void
ts_session_set_params (TsSession              *self,
                       const TsMomentumParams *momentum,
                       const TsRiskParams     *risk,
                       const TsBrokerParams   *broker)
{
  gpointer params[MAX_KINDS] = { NULL };

  g_return_if_fail (TS_IS_SESSION (self));

  if (momentum != NULL)
    params[kind_lookup ("momentum")] = g_memdup2 (momentum, sizeof *momentum);
  ts_session_send_params (self, params, risk, broker);
}

/* Reads the key @key of @settings into @spec's field of @params; a missing
 * key, a value of another type or one the spec refuses is warned about and
 * the field kept. */
static void
read_param (GSettings         *settings,
            GSettingsSchema   *schema,
            const char        *key,
            const TsParamSpec *spec,
            gpointer           params)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;
  double number;

  if (!g_settings_schema_has_key (schema, key))
    {
      g_warning ("The settings have no key \"%s\"; its default is kept", key);
      return;
    }

  value = g_settings_get_value (settings, key);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    number = g_variant_get_double (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    number = g_variant_get_uint32 (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    number = g_variant_get_int32 (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    number = g_variant_get_boolean (value) ? 1 : 0;
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) && spec->choices != NULL)
    {
      const char *nick = g_variant_get_string (value, NULL);

      number = -1;
      for (guint i = 0; spec->choices[i] != NULL; i++)
        if (g_str_equal (spec->choices[i], nick))
          number = i;
      if (number < 0)
        {
          g_warning ("Setting \"%s\" holds \"%s\", none of its choices; its default is kept",
                     key, nick);
          return;
        }
    }
  else
    {
      g_warning ("Setting \"%s\" has type %s, not one of parameter \"%s\"; its default is kept",
                 key, g_variant_get_type_string (value), spec->key);
      return;
    }

  if (!ts_param_spec_set_value (spec, params, number, &error))
    g_warning ("Setting \"%s\": %s; its default is kept", key, error->message);
}

static void
read_params (GSettings         *settings,
             GSettingsSchema   *schema,
             const char        *prefix,
             const TsParamSpec *specs,
             guint              n_specs,
             gpointer           params)
{
  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *key = g_strconcat (prefix, specs[i].key, NULL);

      read_param (settings, schema, key, &specs[i], params);
    }
}

static void
ts_session_apply_settings (TsSession *self)
{
  GSettings *s = self->settings;
  g_autoptr(GSettingsSchema) schema = NULL;
  gpointer params[MAX_KINDS] = { NULL };
  guint n_kinds = 0, n_specs = 0;
  const TsStrategyInfo *infos = kinds_get (&n_kinds);
  const TsParamSpec *specs;
  TsRiskParams risk;
  TsBrokerParams broker;

  g_object_get (s, "settings-schema", &schema, NULL);

  for (guint i = 0; i < n_kinds; i++)
    {
      params[i] = ts_strategy_info_new_params (&infos[i]);
      read_params (s, schema, infos[i].settings_prefix, infos[i].specs, infos[i].n_specs, params[i]);
      /* only what changed goes to the engine */
      if (self->sent_params[i] != NULL
          && memcmp (self->sent_params[i], params[i], infos[i].params_size) == 0)
        g_clear_pointer (&params[i], g_free);
    }

  ts_risk_params_init_default (&risk);
  specs = ts_risk_params_get_specs (&n_specs);
  read_params (s, schema, "", specs, n_specs, &risk);
  ts_broker_params_init_default (&broker);
  specs = ts_broker_params_get_specs (&n_specs);
  read_params (s, schema, "", specs, n_specs, &broker);

  ts_session_send_params (self, params, &risk, &broker);

  {
    g_auto(GStrv) enabled = g_settings_get_strv (s, "strategies");
    Command *cmd = g_new0 (Command, 1);

    cmd->kind = CMD_SET_STRATEGIES;
    for (guint i = 0; i < n_kinds; i++)
      {
        g_autofree char *key = g_strconcat (infos[i].name, infos[i].n_symbols > 1 ? "-symbols" : "-symbol",
                                            NULL);

        cmd->enabled[i] = g_strv_contains ((const char * const *) enabled, infos[i].name);
        if (g_settings_schema_has_key (schema, key))
          cmd->strategy_symbols[i] = g_settings_get_string (s, key);
        else
          g_warning ("The settings have no key \"%s\"; the %s strategy trades %s",
                     key, infos[i].name, infos[i].default_symbols);
      }
    ts_session_send (self, cmd);
  }
}

static void
on_settings_changed (GSettings  *settings,
                     const char *key,
                     TsSession  *self)
{
  static const char * const ignored[] = {
    "mock-port", "mock-rate", "last-url", "source", "binance-url", "coinbase-url",
    "bybit-url", "binance-symbols", "coinbase-symbols", "bybit-symbols", "replay-path",
    "replay-speed", "window-width", "window-height", "window-maximized", NULL
  };

  if (g_str_equal (key, "stale-seconds"))
    {
      ts_session_set_stale_seconds (self, g_settings_get_double (settings, key));
      return;
    }

  /* Source and window keys do not concern the engine. */
  if (g_strv_contains (ignored, key))
    return;

  ts_session_apply_settings (self);
}

void
ts_session_bind_settings (TsSession *self,
                          GSettings *settings)
{
  g_return_if_fail (TS_IS_SESSION (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  if (self->settings != NULL)
    g_clear_signal_handler (&self->settings_changed_id, self->settings);
  g_set_object (&self->settings, settings);

  self->settings_changed_id =
    g_signal_connect_object (settings, "changed",
                             G_CALLBACK (on_settings_changed), self, 0);
  ts_session_set_stale_seconds (self, g_settings_get_double (settings, "stale-seconds"));
  ts_session_apply_settings (self);
}

const TsTrade *
ts_session_get_trades (TsSession *self,
                       guint     *n_trades)
{
  g_return_val_if_fail (TS_IS_SESSION (self), NULL);
  g_return_val_if_fail (n_trades != NULL, NULL);

  *n_trades = self->trades->len;
  return (const TsTrade *)(gpointer)self->trades->data;
}

const TsFill *
ts_session_get_fills (TsSession *self,
                      guint     *n_fills)
{
  g_return_val_if_fail (TS_IS_SESSION (self), NULL);
  g_return_val_if_fail (n_fills != NULL, NULL);

  *n_fills = self->fills->len;
  return (const TsFill *)(gpointer)self->fills->data;
}

TsFeedState
ts_session_get_feed_state (TsSession *self)
{
  g_return_val_if_fail (TS_IS_SESSION (self), TS_FEED_STATE_DISCONNECTED);

  return self->feed_state;
}

gint64
ts_session_get_journal_session_id (TsSession *self)
{
  g_return_val_if_fail (TS_IS_SESSION (self), 0);

  return self->journal_session_id;
}
