package io.pantrade.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A request whose body was read into memory by a filter that needed it (to check a signature, to
 * fingerprint it), so that the filters after it and the controller can read it again.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    private CachedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * Reads the body once (a request an earlier filter already cached is returned as it is), or
     * answers 413 when it is above {@link RequestBodyLimitFilter}'s limit.
     *
     * @return empty when the 413 was written: the filter must stop there
     */
    public static Optional<CachedBodyRequest> read(HttpServletRequest request, HttpServletResponse response,
                                                   ProblemWriter problems) throws IOException {
        if (request instanceof CachedBodyRequest cached) {
            return Optional.of(cached);
        }
        try {
            return Optional.of(new CachedBodyRequest(request, request.getInputStream().readAllBytes()));
        } catch (PayloadTooLargeException tooLarge) {
            problems.write(response, ProblemResponses.payloadTooLarge(tooLarge));
            return Optional.empty();
        }
    }

    /** The raw body bytes, shared and not copied: do not modify them. */
    public byte[] body() {
        return body;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already in memory");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}
