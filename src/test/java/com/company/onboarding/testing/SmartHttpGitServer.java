package com.company.onboarding.testing;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.http.server.resolver.DefaultUploadPackFactory;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PreUploadHook;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;

/**
 * A real git smart-HTTP server (JGit's GitServlet in Jetty) on 127.0.0.1, serving the bare
 * repositories below one directory: {@code http://127.0.0.1:<port>/git/<name>.git}.
 * Push is refused unless a token is required and given (user {@code x-access-token}).
 * It can be stopped and started again on the same port, to play an unreachable remote.
 */
public final class SmartHttpGitServer implements AutoCloseable {

    private final Path root;
    private final Optional<String> pushToken;
    private final AtomicInteger requests = new AtomicInteger();
    private final FetchFaults faults = new FetchFaults();
    private volatile Runnable beforePack = () -> { };
    private volatile String refusal;
    private Server server;
    private int port;

    public SmartHttpGitServer(Path root, Optional<String> pushToken) {
        this.root = root;
        this.pushToken = pushToken;
    }

    public SmartHttpGitServer start() {
        try {
            server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(port);
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath("/");
            GitServlet servlet = new GitServlet();
            servlet.setRepositoryResolver(resolver());
            servlet.setUploadPackFactory((HttpServletRequest request, Repository repository) -> {
                UploadPack upload = new DefaultUploadPackFactory().create(request, repository);
                upload.setPreUploadHook(new BeforePack());
                return upload;
            });
            servlet.setReceivePackFactory((HttpServletRequest request, Repository repository) -> {
                String auth = request.getHeader("Authorization");
                String expected = pushToken.map(t -> "Basic " + Base64.getEncoder()
                        .encodeToString(("x-access-token:" + t).getBytes())).orElse(null);
                if (expected == null || !expected.equals(auth)) {
                    throw new ServiceNotAuthorizedException();
                }
                ReceivePack pack = new ReceivePack(repository);
                pack.setPreReceiveHook((receive, commands) -> {
                    String reason = refusal;
                    if (reason != null) {
                        commands.forEach(c -> c.setResult(org.eclipse.jgit.transport.ReceiveCommand.Result.REJECTED_OTHER_REASON,
                                reason));
                    }
                });
                return pack;
            });
            context.addServlet(new ServletHolder(servlet), "/git/*");
            context.addFilter(BasicChallenge.class, "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
            context.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(faults), "/*",
                    java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
            server.setHandler(context);
            server.start();
            port = connector.getLocalPort();
            return this;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A 401 challenges for Basic credentials, as GitHub's does: git clients (JGit too) send their
     * credentials only after such a challenge, so without it a push with a token could never work.
     */
    public static final class BasicChallenge extends jakarta.servlet.http.HttpFilter {
        @Override
        protected void doFilter(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                jakarta.servlet.FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
            chain.doFilter(request, new jakarta.servlet.http.HttpServletResponseWrapper(response) {
                @Override
                public void sendError(int status) throws java.io.IOException {
                    challenge(status);
                    super.sendError(status);
                }

                @Override
                public void sendError(int status, String message) throws java.io.IOException {
                    challenge(status);
                    super.sendError(status, message);
                }

                @Override
                public void setStatus(int status) {
                    challenge(status);
                    super.setStatus(status);
                }

                private void challenge(int status) {
                    if (status == 401) {
                        setHeader("WWW-Authenticate", "Basic realm=\"git\"");
                    }
                }
            });
        }
    }

    /**
     * Runs {@code action} each time the server is about to send a fetch its pack, the commits
     * fetched already chosen: what another writer pushing while a fetch is under way looks like.
     */
    public void beforeEachPack(Runnable action) {
        this.beforePack = action;
    }

    private final class BeforePack implements PreUploadHook {
        @Override
        public void onBeginNegotiateRound(UploadPack up, Collection<? extends ObjectId> wants, int haves) {
        }

        @Override
        public void onEndNegotiateRound(UploadPack up, Collection<? extends ObjectId> wants, int haves,
                int common, boolean ready) {
        }

        @Override
        public void onSendPack(UploadPack up, Collection<? extends ObjectId> wants,
                Collection<? extends ObjectId> haves) {
            beforePack.run();
        }
    }

    private RepositoryResolver<HttpServletRequest> resolver() {
        return (request, name) -> {
            requests.incrementAndGet();
            Path directory = root.resolve(name).normalize();
            if (!directory.startsWith(root) || !Files.isDirectory(directory)) {
                throw new RepositoryNotFoundException(name);
            }
            try {
                return FileRepositoryBuilder.create(directory.toFile());
            } catch (java.io.IOException e) {
                throw new RepositoryNotFoundException(name, e);
            }
        };
    }

    /**
     * From now on every push is rejected with {@code reason}, as a server-side rule or pre-receive
     * hook would (the ref is not changed); null accepts pushes again.
     */
    public void refusePushes(String reason) {
        this.refusal = reason;
    }

    /** What happens to fetches (the pack a fetch downloads), for fault tests; nothing by default. */
    public FetchFaults faults() {
        return faults;
    }

    public String url(String name) {
        return "http://127.0.0.1:" + port + "/git/" + name;
    }

    /** Requests that reached a repository (each ls-remote, fetch or push makes at least one). */
    public int requests() {
        return requests.get();
    }

    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
