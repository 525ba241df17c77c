package io.meterbridge.camel.journal;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/** Stores the message body (as text) and its plain headers in the journal; returns once it is on disk. */
final class JournalProducer extends DefaultProducer {

    private Journal journal;

    JournalProducer(JournalEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        journal = ((JournalEndpoint) getEndpoint()).journal();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String body = exchange.getMessage().getMandatoryBody(String.class);
        JournalEntry entry = journal.append(exchange.getMessage().getHeaders(), body);
        exchange.getMessage().setHeader(JournalConstants.SEQUENCE, entry.sequence());
        exchange.getMessage().setHeader(JournalConstants.JOURNAL_ID, journal.id());
    }
}
