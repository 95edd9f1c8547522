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
#include "core/strategies/ts-calculus-strategy.h"
#include "core/strategies/ts-confluence-strategy.h"
#include "core/strategies/ts-maxwell-strategy.h"
#include "core/strategies/ts-momentum-strategy.h"
#include "core/strategies/ts-pairs-strategy.h"
#include "ts-session.h"

/* The outbox is handed over at most once per UI frame. */
#define FLUSH_INTERVAL_MS 16
/* Chart points kept in the outbox while the UI does not take them. */
#define MAX_OUTBOX_POINTS 1000000
/* A running recording is flushed to its file at most this often. */
#define RECORDING_FLUSH_US (2 * G_USEC_PER_SEC)
#define STALE_SECONDS_DEFAULT 10.0

/* The strategies the app knows, by short name; their symbol keys are
 * "<name>-symbol", "pairs-symbols" for the pair */
enum { STRATEGY_MOMENTUM, STRATEGY_MAXWELL, STRATEGY_CALCULUS, STRATEGY_PAIRS,
       STRATEGY_CONFLUENCE, N_STRATEGY_KINDS };
static const char * const strategy_names[N_STRATEGY_KINDS] = {
  "momentum", "maxwell", "calculus", "pairs", "confluence",
};
static const char * const strategy_symbol_keys[N_STRATEGY_KINDS] = {
  "momentum-symbol", "maxwell-symbol", "calculus-symbol", "pairs-symbols",
  "confluence-symbol",
};
#define DEFAULT_MULTI_SYMBOL "MOCK-BTC"

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

  TsMomentumParams  momentum;
  TsRiskParams      risk;
  TsBrokerParams    broker;

  /* the strategies for the next engine: enabled[] by kind, and their
   * symbols ("A, B" for the pair); momentum alone = ts_engine_new() */
  gboolean          enabled[N_STRATEGY_KINDS];
  char             *strategy_symbols[N_STRATEGY_KINDS];
  guint             momentum_id; /* in a multi engine, 0 = none */

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
  gboolean          has_momentum, has_risk, has_broker;
  TsMomentumParams  momentum;
  TsRiskParams      risk;
  TsBrokerParams    broker;
  gboolean          enabled[N_STRATEGY_KINDS];
  char             *strategy_symbols[N_STRATEGY_KINDS];
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

  /* what the UI thread has received */
  GArray          *trades;
  GArray          *fills;
  TsFeedState      feed_state;
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
  for (guint i = 0; i < N_STRATEGY_KINDS; i++)
    if (state->enabled[i] != (i == STRATEGY_MOMENTUM))
      return FALSE;
  return TRUE;
}

/* a multi engine with the enabled strategies, default parameters but the
 * momentum's */
static TsEngine *
engine_new_multi (EngineState *state)
{
  TsEngine *engine = ts_engine_new_multi (&state->risk, &state->broker);

  state->momentum_id = 0;
  for (guint i = 0; i < N_STRATEGY_KINDS; i++)
    {
      TsStrategy *strategy = NULL;
      g_auto(GStrv) parts = NULL;
      g_autoptr(GPtrArray) symbols = g_ptr_array_new ();
      guint id;

      if (!state->enabled[i])
        continue;

      switch (i)
        {
        case STRATEGY_MOMENTUM:
          strategy = ts_momentum_strategy_new (&state->momentum);
          break;
        case STRATEGY_MAXWELL:
          {
            TsMaxwellParams params;

            ts_maxwell_params_init_default (&params);
            strategy = ts_maxwell_strategy_new (&params);
          }
          break;
        case STRATEGY_CALCULUS:
          {
            TsCalculusParams params;

            ts_calculus_params_init_default (&params);
            strategy = ts_calculus_strategy_new (&params);
          }
          break;
        case STRATEGY_PAIRS:
          {
            TsPairsParams params;

            ts_pairs_params_init_default (&params);
            strategy = ts_pairs_strategy_new (&params);
          }
          break;
        case STRATEGY_CONFLUENCE:
          {
            TsConfluenceParams params;

            ts_confluence_params_init_default (&params);
            strategy = ts_confluence_strategy_new (&params);
          }
          break;
        default:
          g_assert_not_reached ();
        }
      if (strategy == NULL)
        continue;

      parts = g_strsplit_set (state->strategy_symbols[i] != NULL ? state->strategy_symbols[i] : "",
                              ", ", -1);
      for (guint j = 0; parts[j] != NULL; j++)
        if (parts[j][0] != '\0')
          g_ptr_array_add (symbols, parts[j]);
      if (symbols->len == 0 && ts_strategy_get_n_symbols (strategy) == 1)
        g_ptr_array_add (symbols, (gpointer) DEFAULT_MULTI_SYMBOL);
      g_ptr_array_add (symbols, NULL);

      id = ts_engine_add_strategy (engine, strategy, (const char * const *) symbols->pdata);
      if (id == 0)
        g_warning ("The %s strategy was refused (symbols \"%s\")", strategy_names[i],
                   state->strategy_symbols[i] != NULL ? state->strategy_symbols[i] : "");
      else if (i == STRATEGY_MOMENTUM)
        state->momentum_id = id;
    }

  return engine;
}

static void
engine_new_engine (EngineState *state)
{
  g_clear_pointer (&state->engine, ts_engine_free);
  state->momentum_id = 0;
  if (engine_is_momentum_only (state))
    {
      const char *symbol = state->strategy_symbols[STRATEGY_MOMENTUM];

      state->engine = ts_engine_new (&state->momentum, &state->risk, &state->broker);
      if (symbol != NULL && symbol[0] != '\0')
        ts_engine_set_symbol (state->engine, symbol);
    }
  else
    state->engine = engine_new_multi (state);
  state->n_fills_seen = 0;
  state->n_trades_seen = 0;
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
    }

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

        engine_new_engine (state);
        engine_reset_outbox (state);
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
      if (cmd->has_momentum)
        state->momentum = cmd->momentum;
      if (cmd->has_risk)
        state->risk = cmd->risk;
      if (cmd->has_broker)
        state->broker = cmd->broker;
      ts_engine_set_params (state->engine,
                            cmd->has_momentum ? &cmd->momentum : NULL,
                            cmd->has_risk ? &cmd->risk : NULL,
                            cmd->has_broker ? &cmd->broker : NULL);
      if (cmd->has_momentum && state->momentum_id != 0)
        ts_strategy_set_params (ts_engine_get_strategy (state->engine, state->momentum_id),
                                &cmd->momentum, sizeof cmd->momentum);
      break;

    case CMD_SET_STRATEGIES:
      /* for the next engine, made on the next connect */
      for (guint i = 0; i < N_STRATEGY_KINDS; i++)
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
  for (guint i = 0; i < N_STRATEGY_KINDS; i++)
    g_free (cmd->strategy_symbols[i]);
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
  g_clear_pointer (&state->engine, ts_engine_free);
  g_clear_pointer (&state->outbox, ts_session_update_unref);
  for (guint i = 0; i < N_STRATEGY_KINDS; i++)
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
      g_free (self->state);
    }

  g_clear_pointer (&self->trades, g_array_unref);
  g_clear_pointer (&self->fills, g_array_unref);

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

  ts_momentum_params_init_default (&state->momentum);
  state->enabled[STRATEGY_MOMENTUM] = TRUE;
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

gboolean
ts_session_start_replay (TsSession   *self,
                         const char  *path,
                         double       speed,
                         GError     **error)
{
  g_autoptr(TsMockServer) server = NULL;
  TsMockServerOptions options;

  g_return_val_if_fail (TS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (speed >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ts_mock_server_options_init_default (&options);
  options.port = 0;
  options.speed = speed;
  options.replay_path = path;
  server = ts_mock_server_new (&options);

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

void
ts_session_set_params (TsSession              *self,
                       const TsMomentumParams *momentum,
                       const TsRiskParams     *risk,
                       const TsBrokerParams   *broker)
{
  Command *cmd;

  g_return_if_fail (TS_IS_SESSION (self));

  cmd = g_new0 (Command, 1);
  cmd->kind = CMD_SET_PARAMS;
  if (momentum != NULL)
    {
      cmd->has_momentum = TRUE;
      cmd->momentum = *momentum;
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

static void
ts_session_apply_settings (TsSession *self)
{
  GSettings *s = self->settings;
  TsMomentumParams momentum;
  TsRiskParams risk;
  TsBrokerParams broker;

  ts_momentum_params_init_default (&momentum);
  ts_risk_params_init_default (&risk);
  ts_broker_params_init_default (&broker);

  momentum.window_seconds = g_settings_get_double (s, "window-seconds");
  momentum.min_ticks = g_settings_get_uint (s, "min-ticks");
  momentum.entry_threshold = g_settings_get_double (s, "entry-threshold");
  momentum.volume_spike_multiplier = g_settings_get_double (s, "volume-spike-multiplier");
  momentum.volatility_guard = g_settings_get_double (s, "volatility-guard");
  momentum.profit_target = g_settings_get_double (s, "profit-target");
  momentum.stop_loss = g_settings_get_double (s, "stop-loss");
  momentum.time_stop_seconds = g_settings_get_double (s, "time-stop-seconds");
  momentum.flat_candles = g_settings_get_uint (s, "flat-candles");
  momentum.flat_threshold = g_settings_get_double (s, "flat-threshold");
  momentum.allow_short = g_settings_get_boolean (s, "allow-short");
  momentum.position_size = g_settings_get_double (s, "position-size");

  risk.daily_loss_limit_pct = g_settings_get_double (s, "daily-loss-limit-pct");
  risk.cooldown_signals = g_settings_get_uint (s, "cooldown-signals");

  broker.slippage_bps = g_settings_get_double (s, "slippage-bps");
  broker.taker_fee_bps = g_settings_get_double (s, "taker-fee-bps");
  broker.initial_capital = g_settings_get_double (s, "initial-capital");

  ts_session_set_params (self, &momentum, &risk, &broker);

  {
    g_auto(GStrv) enabled = g_settings_get_strv (s, "strategies");
    Command *cmd = g_new0 (Command, 1);

    cmd->kind = CMD_SET_STRATEGIES;
    for (guint i = 0; i < N_STRATEGY_KINDS; i++)
      {
        cmd->enabled[i] = g_strv_contains ((const char * const *) enabled, strategy_names[i]);
        cmd->strategy_symbols[i] = g_settings_get_string (s, strategy_symbol_keys[i]);
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
