package com.company.onboarding.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Breaks fetches served by a {@link SmartHttpGitServer} part-way through the pack: after the
 * first {@code afterBytes} bytes of an {@code upload-pack} response the server either stalls
 * (sends nothing more until {@link #heal()}, as a hung remote would) or drops the connection (as
 * a remote killed mid-fetch would). {@code ls-remote} is not affected: the ref is advertised, the
 * fetch of its commit is what fails (while a fault is set the server speaks protocol v0, where only a
 * fetch posts to {@code upload-pack}).
 */
public final class FetchFaults extends HttpFilter {

    public enum Mode { NONE, STALL, DROP }

    private volatile Mode mode = Mode.NONE;
    private volatile int afterBytes;
    private volatile CountDownLatch healed = new CountDownLatch(0);
    private final AtomicInteger stalled = new AtomicInteger();
    private final AtomicInteger broken = new AtomicInteger();

    /** From now on, every fetch stalls after {@code afterBytes} bytes of its pack, until {@link #heal()}. */
    public void stallAfter(int afterBytes) {
        this.afterBytes = afterBytes;
        this.healed = new CountDownLatch(1);
        this.mode = Mode.STALL;
    }

    /** From now on, every fetch loses its connection after {@code afterBytes} bytes of its pack. */
    public void dropAfter(int afterBytes) {
        this.afterBytes = afterBytes;
        this.mode = Mode.DROP;
    }

    /** Fetches work again; stalled ones go on where they stopped. */
    public void heal() {
        mode = Mode.NONE;
        healed.countDown();
    }

    /** Fetches stalled right now. */
    public int stalledNow() {
        return stalled.get();
    }

    /** Fetches stalled or dropped so far. */
    public int broken() {
        return broken.get();
    }

    /** Waits until {@code count} fetches are stalled at once. */
    public void awaitStalled(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (stalled.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(count + " fetches never stalled; " + stalled.get() + " did");
            }
            Thread.sleep(10);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Mode now = mode;
        if (now == Mode.NONE) {
            chain.doFilter(request, response);
            return;
        }
        // Protocol v0 while faulty: a ref listing is then a GET of info/refs, and only a fetch posts to upload-pack
        // (in v2 both post there).
        HttpServletRequest v0 = new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return "Git-Protocol".equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "Git-Protocol".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }
        };
        if (!request.getRequestURI().endsWith("/git-upload-pack")) {
            chain.doFilter(v0, response);
            return;
        }
        broken.incrementAndGet();
        chain.doFilter(v0, new Faulty(response, now, afterBytes));
    }

    private final class Faulty extends HttpServletResponseWrapper {
        private final Mode mode;
        private final int afterBytes;
        private ServletOutputStream stream;

        Faulty(HttpServletResponse response, Mode mode, int afterBytes) {
            super(response);
            this.mode = mode;
            this.afterBytes = afterBytes;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    private long written;
                    private boolean faulted;

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        if (faulted || written + length <= afterBytes) {
                            out.write(bytes, offset, length);
                            written += length;
                            return;
                        }
                        int before = (int) Math.max(0, afterBytes - written);
                        out.write(bytes, offset, before);
                        out.flush();
                        faulted = true;
                        fault();
                        out.write(bytes, offset + before, length - before);
                        written += length;
                    }

                    @Override
                    public void flush() throws IOException {
                        out.flush();
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        private void fault() throws IOException {
            if (mode == Mode.DROP) {
                throw new IOException("the remote was killed mid-fetch (test fault)");
            }
            stalled.incrementAndGet();
            try {
                healed.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stalled.decrementAndGet();
            }
        }
    }
}
