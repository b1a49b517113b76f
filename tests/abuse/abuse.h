/*
 * The abuse test and benchmark: `tabletop run` on loopback under five attacks at once, while a
 * logged-in team keeps receiving injects. proc.c runs the server and reads /proc, wire.c is a
 * blocking line client, team.c the team member that stamps every inject, attack.c the attackers.
 */
#ifndef ABUSE_H
#define ABUSE_H

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Exercise seconds between two injects of the fixture (tests/abuse/fixtures/abuse.lua). */
#define ABUSE_INJECT_EVERY 5

/* The server under test. */
struct proc {
	pid_t pid;
	int out; /* its stdout */
	int port;
	char codes[8][2][64]; /* ID, code from its "login ID CODE" lines */
	int n_codes;
	bool exited; /* reaped already, with this status */
	int status;
};

/* Start argv (a `tabletop run` command line); 0 once it printed STARTEX, else -1 and a message. */
int proc_start(struct proc *p, char **argv);
/* The join code the server printed for id, or NULL. */
const char *proc_code(const struct proc *p, const char *id);
/* A "Vm...:" figure of /proc/PID/status in KiB (field is e.g. "VmRSS:"), or -1. */
long proc_kib(pid_t pid, const char *field);
/* How many descriptors the process has open, or -1. */
int proc_fds(pid_t pid);
/* The CPU time the process has used so far (user and system), in seconds, or -1. */
double proc_cpu(pid_t pid);
/* The process's soft limit of open files, or -1. */
long proc_nofile(pid_t pid);
/* Whether the process has not exited. */
bool proc_alive(struct proc *p);
/* SIGTERM the server and wait for it; its exit status, 128 + signal, or -1 if it hung. */
int proc_stop(struct proc *p);

/* A blocking client connection with a line buffer. */
struct wire {
	int fd;
	bool eof;
	size_t len;
	char buf[1 << 16];
};

/* Monotonic seconds. */
double wire_now(void);
/* Connect w to 127.0.0.1:port; -1 on failure. */
int wire_connect(struct wire *w, int port);
/* Send line and a newline; -1 on failure. */
int wire_send(struct wire *w, const char *line);
/* The next line within ms milliseconds (NULL: timeout or EOF); *at: when its last byte came. */
const char *wire_line(struct wire *w, int ms, double *at);
/* Wait for the reply to command cmd (ok or error) within ms; NULL if none came. */
json_t *wire_reply(struct wire *w, const char *cmd, int ms);
/* Connect, switch to JSON and log in as id; -1 with a message when that fails. */
int wire_login(struct wire *w, int port, const char *id, const char *code);
/* Close the connection. */
void wire_close(struct wire *w);

/* One inject the team received. */
struct team_got {
	long n;    /* its number: A-000001 is 1 */
	long t;    /* its exercise time */
	double at; /* monotonic seconds when it arrived */
};

/* The logged-in team member: a thread stamps every inject the moment it arrives. */
struct team {
	struct wire w;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	atomic_bool stop;
	struct team_got *got;
	long n_got, cap_got;
	long out_of_order; /* injects that did not follow the previous one */
	long others;       /* other lines than injects (none are expected) */
	long t_final;      /* `status` after the stop: the exercise time then */
	double speed;      /* exercise seconds per real second, from that `status` */
	bool status_ok;
};

/* Log in to team id on port and start stamping its injects; -1 with a message on failure. */
int team_start(struct team *tm, int port, const char *id, const char *code);
/* Wait until `more` injects than now have arrived, or ms passed; whether they did. */
bool team_wait(struct team *tm, long more, int ms);
/* Stop the thread, after asking the server for `status`; the figures stay in tm. */
void team_stop(struct team *tm);
/* Free the team's records. */
void team_free(struct team *tm);

/* The kinds of attacker. */
enum attack_kind {
	ATTACK_IDLE,       /* connects and says nothing */
	ATTACK_CHURN,      /* connects, reads the banner, closes */
	ATTACK_RANDOM,     /* sends random bytes and reads the replies */
	ATTACK_SLOW,       /* one byte a second of a line that never ends */
	ATTACK_SLOW_LINES, /* one byte a second: an empty line */
	ATTACK_BRUTE,      /* guesses join codes */
	ATTACK_KINDS
};

/* The reply codes a random client counts. */
enum attack_code {
	CODE_BAD_ENCODING,
	CODE_LINE_TOO_LONG,
	CODE_UNKNOWN_COMMAND,
	CODE_RATE_LIMITED,
	CODE_OTHER, /* any other error */
	CODE_KINDS
};

/* What the attacks do. */
struct attack_config {
	int port;
	pid_t server;
	int n[ATTACK_KINDS]; /* connections at once of each kind (churn: unused) */
	double churn_rate;   /* churn connects a second */
	double seconds;      /* how long the attacks last */
	long idle_timeout;   /* the server's --idle-timeout */
	int login_failures;  /* the server's --login-failures */
	size_t max_line;     /* the server's --max-line */
	unsigned long seed;
};

/* Figures for one kind of attacker. */
struct attack_stats {
	long opened;       /* connects started */
	long served;       /* got the whole banner */
	long local;        /* connects this machine refused (out of ports or descriptors) */
	long failed;       /* the connect failed, or the connection ended before the banner */
	long refused;      /* refused with server_full: more connections than --max-conns */
	int error;         /* the last errno of a failed, local or reset connect, or 0 */
	long reset;        /* the server reset the connection */
	long closed_idle;  /* closed by the server with the idle goodbye */
	long closed_other; /* closed by the server for another reason */
	long early;        /* closed by the idle timeout before it was due */
	long late;         /* still open at the stop, held past the timeout and its slack */
	long open_at_stop; /* closed by us at the stop */
	double held_min;   /* shortest and longest time the server held one before closing it */
	double held_max;
	long bytes;             /* bytes sent */
	long codes[CODE_KINDS]; /* random: error replies by code */
	long quiet;             /* random: connections that got no error reply at all */
	long attempts;          /* brute: guesses answered */
	long logged_in;         /* brute: guesses that logged in (never) */
	long closed_failures;   /* brute: closed with login_failures after the last failure */
	double delay_min[8];    /* brute: shortest pause seen before the answer to guess k+1 */
};

/* The attacks' results. */
struct attack_result {
	struct attack_stats st[ATTACK_KINDS];
	double t_start, t_stop; /* monotonic seconds */
	double *churn_ms;       /* each churn connection: connect to the end of the banner */
	long n_churn_ms;
	double cpu_server, cpu_self; /* CPU seconds the server and the attackers used meanwhile */
	long rss_max_kib;            /* the server's largest VmRSS seen while sampling */
	int fds_max;                 /* and its most descriptors */
};

/* The benchmark's targets. */
#define ABUSE_P99_MS 100.0
#define ABUSE_RSS_RETURN 1.10

/* Warm-up rounds of attacks before the measured one, at most. */
#define ABUSE_WARM_MAX 4

/* The phases of the run, for the team's inject delays. */
enum abuse_phase { PHASE_QUIET, PHASE_WARM, PHASE_ATTACK, PHASE_AFTER, PHASES };

/* Options, then what was measured. */
struct abuse {
	bool tap, bench;
	const char *binary, *fixture, *trace;
	int warm_rounds; /* attack rounds before the measured one */
	struct attack_config cfg;
	char scaled[160]; /* why the idle connections were fewer than asked, or "" */
	long most_conns;  /* the most connections the attackers can make the server hold */
	struct proc srv;
	long srv_nofile;
	struct team team;
	struct wire fac;
	long rss_cold;                    /* before any attack */
	long rss_warm[ABUSE_WARM_MAX];    /* after each warm-up round had settled */
	double warm_t[ABUSE_WARM_MAX][2]; /* each warm-up round: its start, and when it settled */
	long rss_before, rss_after, hwm_after; /* around the measured round */
	int fds_before, fds_after;
	double settle_s; /* from the stop until the server's descriptors were back */
	struct attack_result res;
	double lat[PHASES][4]; /* each phase: n, p50, p99, max (ms) */
	long expected;         /* injects due during the measured round */
	long team_members;
	bool fac_ok, alive;
	int exit_status;
	int n_checks, n_failed;
	int behaviour_failed; /* the checks that failed, the benchmark's targets aside */
};

/* Print the figures: a table, behind "# " in TAP mode. */
void report_table(const struct abuse *ab);
/* Check the behaviour (and in bench mode the targets), as TAP with --tap; counts the failures. */
void report_checks(struct abuse *ab);

/* Run every attack at once for cfg->seconds, then close every attacker; results in res. */
void attack_run(const struct attack_config *cfg, struct attack_result *res);
/* The name of a kind of attacker, for the table. */
const char *attack_name(enum attack_kind k);

#endif
