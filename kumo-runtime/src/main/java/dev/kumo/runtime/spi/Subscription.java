package dev.kumo.runtime.spi;

/** A registration (listener, log follow) that ends when closed; closing twice does nothing. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
