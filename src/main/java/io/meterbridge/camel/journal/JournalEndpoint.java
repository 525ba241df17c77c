package io.meterbridge.camel.journal;

import java.nio.file.Path;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** A named journal: {@code journal:name[?options]}. See {@link JournalComponent}. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "journal", title = "Journal", syntax = "journal:name",
        category = { Category.CORE }, headersClass = JournalConstants.class)
public class JournalEndpoint extends DefaultEndpoint {

    @UriPath(description = "The journal's name; also its sub-directory.")
    @Metadata(required = true)
    private final String name;

    @UriParam(defaultValue = "data/journal", description = "The directory under which the journal's own sub-directory lives.")
    private String directory = "data/journal";

    @UriParam(defaultValue = "100000", description = "The most messages kept (not yet passed by every cursor); when full, a new message fails with JournalFullException.")
    private int capacity = 100_000;

    @UriParam(label = "consumer", defaultValue = "default", description = "The consumer's cursor: its place in the journal,"
            + " kept on disk, so each output reading the same journal (files, mqtt, http) delivers every message once, at its own"
            + " pace, and resumes where it stopped. A message is deleted when every cursor has passed it; a cursor no route uses"
            + " any more is removed once the service has started.")
    private String cursor = "default";

    @UriParam(label = "consumer", defaultValue = "1000", description = "Milliseconds to wait before retrying a message whose delivery failed; doubles on each failure up to maxRetryDelay.")
    private long retryDelay = 1000;

    @UriParam(label = "consumer", defaultValue = "30000", description = "The longest wait, in milliseconds, between delivery attempts.")
    private long maxRetryDelay = 30_000;

    JournalEndpoint(String uri, JournalComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    @Override
    public JournalComponent getComponent() {
        return (JournalComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new JournalProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        JournalConsumer consumer = new JournalConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The journal behind this endpoint (shared with every endpoint of the same directory). */
    public Journal journal() {
        return getComponent().journal(Path.of(directory).resolve(name), capacity);
    }

    public String getName() {
        return name;
    }

    public String getDirectory() {
        return directory;
    }

    public void setDirectory(String directory) {
        this.directory = directory;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public int getCapacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }
}
