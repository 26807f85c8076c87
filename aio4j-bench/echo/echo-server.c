/*
 * echo-server.c - the physical limit of the echo benchmark: a minimal single-threaded epoll echo
 * server in C.  Usage: echo-server PORT  (listens on 127.0.0.1:PORT).
 *
 * Level-triggered epoll.  Each connection reads into one 256 KiB buffer of its own and writes it
 * back at once; what the socket does not take is kept in that buffer, reading stops and EPOLLOUT
 * is watched until it is flushed (the same flow control an event-loop server has, without any
 * allocation or copy).  Build: gcc -O2 -Wall -o echo-server echo-server.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define BUF_SIZE (256 * 1024)
#define MAX_EVENTS 256

typedef struct {
    int fd;
    size_t pending; /* bytes read but not yet written back */
    size_t off;     /* how many of them are written */
    char buf[BUF_SIZE];
} conn;

static int ep;

static void watch(conn *c, unsigned events, int op) {
    struct epoll_event ev = {.events = events, .data.ptr = c};
    if (epoll_ctl(ep, op, c->fd, &ev) < 0) {
        perror("epoll_ctl");
        exit(1);
    }
}

static void drop(conn *c) {
    close(c->fd); /* also removes it from the epoll set */
    free(c);
}

/* Writes what is pending; returns 0 when all is written, 1 when the socket is full, -1 on error. */
static int flush(conn *c) {
    while (c->off < c->pending) {
        ssize_t n = write(c->fd, c->buf + c->off, c->pending - c->off);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) return 1;
            if (errno == EINTR) continue;
            return -1;
        }
        c->off += (size_t)n;
    }
    c->pending = c->off = 0;
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: echo-server PORT\n");
        return 4;
    }
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[1]))};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(lfd, 128) < 0) {
        perror("bind/listen");
        return 1;
    }
    ep = epoll_create1(0);
    struct epoll_event lev = {.events = EPOLLIN, .data.ptr = NULL};
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &lev);
    printf("c epoll echo server on 127.0.0.1:%s\n", argv[1]);
    fflush(stdout);
    struct epoll_event events[MAX_EVENTS];
    for (;;) {
        int n = epoll_wait(ep, events, MAX_EVENTS, -1);
        if (n < 0) {
            if (errno == EINTR) continue;
            perror("epoll_wait");
            return 1;
        }
        for (int i = 0; i < n; i++) {
            conn *c = events[i].data.ptr;
            if (c == NULL) {
                int fd;
                while ((fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    conn *nc = malloc(sizeof *nc);
                    nc->fd = fd;
                    nc->pending = nc->off = 0;
                    watch(nc, EPOLLIN, EPOLL_CTL_ADD);
                }
                continue;
            }
            if (c->pending > 0) { /* EPOLLOUT: finish the pending write, then read again */
                int r = flush(c);
                if (r < 0) drop(c);
                else if (r == 0) watch(c, EPOLLIN, EPOLL_CTL_MOD);
                continue;
            }
            ssize_t r = read(c->fd, c->buf, BUF_SIZE);
            if (r <= 0) {
                if (r < 0 && (errno == EAGAIN || errno == EINTR)) continue;
                drop(c);
                continue;
            }
            c->pending = (size_t)r;
            int w = flush(c);
            if (w < 0) drop(c);
            else if (w == 1) watch(c, EPOLLOUT, EPOLL_CTL_MOD);
        }
    }
}
