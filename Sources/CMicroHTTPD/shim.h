#ifndef ACRCMK_MICROHTTPD_SHIM_H
#define ACRCMK_MICROHTTPD_SHIM_H

#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <microhttpd.h>

/* MHD_start_daemon, MHD_get_connection_info and MHD_get_daemon_info are C-variadic, which Swift cannot call:
   these fixed-signature shims pass their arguments on (options through MHD_OPTION_ARRAY). */

static inline struct MHD_Daemon *acrcmk_mhd_start(unsigned int flags, const struct sockaddr *address,
                                                  MHD_AccessHandlerCallback handler, void *handler_context,
                                                  MHD_RequestCompletedCallback completed, void *completed_context,
                                                  size_t memory_limit, unsigned int timeout_seconds,
                                                  unsigned int connection_limit, const char *key_pem,
                                                  const char *cert_pem) {
    struct MHD_OptionItem options[8];
    int count = 0;
    options[count++] = (struct MHD_OptionItem){MHD_OPTION_SOCK_ADDR, 0, (void *)address};
    options[count++] = (struct MHD_OptionItem){MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)completed, completed_context};
    options[count++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t)memory_limit, NULL};
    options[count++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)timeout_seconds, NULL};
    options[count++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_LIMIT, (intptr_t)connection_limit, NULL};
    if (key_pem != NULL && cert_pem != NULL) {
        options[count++] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_KEY, 0, (void *)key_pem};
        options[count++] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_CERT, 0, (void *)cert_pem};
    }
    options[count++] = (struct MHD_OptionItem){MHD_OPTION_END, 0, NULL};
    return MHD_start_daemon(flags, 0, NULL, NULL, handler, handler_context, MHD_OPTION_ARRAY, options,
                            MHD_OPTION_END);
}

/* The port the daemon listens on (useful when it was asked for port 0). */
static inline uint16_t acrcmk_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/* The peer's address of a connection, or NULL. */
static inline const struct sockaddr *acrcmk_mhd_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}

/* Function-like macros and defines Swift does not import as values. */
static const uint64_t acrcmk_mhd_size_unknown = MHD_SIZE_UNKNOWN;
static const ssize_t acrcmk_mhd_end_of_stream = MHD_CONTENT_READER_END_OF_STREAM;
static const ssize_t acrcmk_mhd_end_with_error = MHD_CONTENT_READER_END_WITH_ERROR;

#endif
