package com.postwarden.scan.external;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on 127.0.0.1 that accepts connections and never answers: the stalled engine no real one can be made
 * to be on demand. It either reads and discards everything ({@link #draining()}) or never reads at all
 * ({@link #deaf()}), so the client's writes fill the socket buffers and stall.
 */
final class SilentServer implements AutoCloseable {

    private final ServerSocket server;
    private final boolean drain;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private SilentServer(boolean drain) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.drain = drain;
        Thread acceptor = new Thread(this::acceptLoop, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static SilentServer draining() throws IOException {
        return new SilentServer(true);
    }

    static SilentServer deaf() throws IOException {
        return new SilentServer(false);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    int connections() {
        return accepted.size();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket socket = server.accept();
                accepted.add(socket);
                if (drain) {
                    Thread reader = new Thread(() -> discard(socket), "silent-server-reader");
                    reader.setDaemon(true);
                    reader.start();
                }
            }
        } catch (IOException closed) {
            // close() ends the loop
        }
    }

    private static void discard(Socket socket) {
        try (InputStream in = socket.getInputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException closed) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
