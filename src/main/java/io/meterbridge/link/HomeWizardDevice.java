package io.meterbridge.link;

/**
 * A HomeWizard Energy device announced by mDNS ({@code _hwenergy._tcp}), as its TXT record says.
 *
 * @param name        the service instance name ({@code p1meter-ABCDEF})
 * @param address     IPv4 address (or IPv6 when it has none), empty if the answer carried none
 * @param port        the port of the local API
 * @param productType {@code HWE-P1} for the Wi-Fi P1 meter, {@code HWE-SKT}, {@code HWE-KWH1}, ...
 * @param productName the device's own name for its product
 * @param serial      the device's serial (its MAC address in hex)
 * @param apiEnabled  whether the local API v1 is switched on in the HomeWizard Energy app
 */
public record HomeWizardDevice(String name, String address, int port, String productType, String productName,
        String serial, boolean apiEnabled) {

    /** True for the Wi-Fi P1 meter, the one meterbridge reads ({@code p1:homewizard:ADDRESS}). */
    public boolean isP1Meter() {
        return HomeWizardTransport.P1_PRODUCT_TYPE.equals(productType);
    }
}
