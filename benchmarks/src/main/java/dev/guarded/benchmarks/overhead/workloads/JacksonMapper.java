package dev.guarded.benchmarks.overhead.workloads;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real library sharing one object across threads: a single Jackson {@link ObjectMapper} (whose serializer
 * and deserializer caches fill concurrently on first use) serializes and deserializes small object graphs on
 * several threads. The POJO classes below are application classes, so the agent instruments them; every
 * JSON text is checked for agent-injected members and round-tripped, and the checksum adds up the hash of
 * every JSON text, so a single changed byte between a plain and a detector run shows in the result.
 */
final class JacksonMapper implements Workload {

    /** The agent's injected shadow fields start with this; none may ever show up as a JSON property. */
    private static final String INJECTED_PREFIX = "guarded$";

    private static final TypeReference<List<Order>> ORDER_LIST = new TypeReference<>() {
    };

    /** An order's life-cycle state; serialized by name. */
    enum Status {
        NEW, PAID, SHIPPED, CANCELLED
    }

    /** Immutable value, read and written through the canonical constructor and accessors. */
    record Address(String street, String city, int zip) {
    }

    /** A mutable class with public fields (Jackson's field access path). */
    static final class Line {
        public String sku;
        public int quantity;
        public long priceCents;
        public List<String> tags;
    }

    /** A bean with private fields behind getters and setters (Jackson's method access path). */
    static final class Customer {
        private long id;
        private String name;
        private Address address;

        public long getId() {
            return id;
        }

        public void setId(long id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Address getAddress() {
            return address;
        }

        public void setAddress(Address address) {
            this.address = address;
        }
    }

    /** The root: nested bean, list of objects, map, enum. */
    static final class Order {
        private long id;
        private Status status;
        private Customer customer;
        private List<Line> lines;
        private Map<String, Integer> attributes;

        public long getId() {
            return id;
        }

        public void setId(long id) {
            this.id = id;
        }

        public Status getStatus() {
            return status;
        }

        public void setStatus(Status status) {
            this.status = status;
        }

        public Customer getCustomer() {
            return customer;
        }

        public void setCustomer(Customer customer) {
            this.customer = customer;
        }

        public List<Line> getLines() {
            return lines;
        }

        public void setLines(List<Line> lines) {
            this.lines = lines;
        }

        public Map<String, Integer> getAttributes() {
            return attributes;
        }

        public void setAttributes(Map<String, Integer> attributes) {
            this.attributes = attributes;
        }
    }

    @Override
    public long run(int[] args) throws Exception {
        int threads = args[0];
        int ordersPerThread = args[1];
        // One mapper for everybody: its configuration is fixed before the threads start, its caches are
        // shared and filled by whichever thread gets there first.
        ObjectMapper mapper = new ObjectMapper();
        return Workers.runAll(threads, t -> () -> {
            long sum = 0;
            List<Order> batch = new ArrayList<>();
            for (int i = 0; i < ordersPerThread; i++) {
                Order order = order(t * 1_000_003L + i);
                String json = mapper.writeValueAsString(order);
                sum += checked(json);
                Order back = mapper.readValue(json, Order.class);
                String again = mapper.writeValueAsString(back);
                if (!again.equals(json)) {
                    throw new IllegalStateException("round trip changed the JSON:\n" + json + "\n" + again);
                }
                batch.add(back);
                if (batch.size() == 16) {
                    // A generic collection type: another serializer/deserializer pair in the shared caches.
                    String listJson = mapper.writeValueAsString(batch);
                    sum += checked(listJson);
                    List<Order> list = mapper.readValue(listJson, ORDER_LIST);
                    sum += list.size();
                    batch.clear();
                }
            }
            return sum;
        });
    }

    /** @return the text's hash, after making sure no injected member leaked into it */
    private static long checked(String json) {
        if (json.contains(INJECTED_PREFIX)) {
            throw new IllegalStateException("an injected field was serialized: " + json);
        }
        // String.hashCode is specified, so the same text gives the same value in every JVM.
        return json.hashCode() & 0xFFFF_FFFFL;
    }

    /** A deterministic order whose shape (line count, tags, attributes, status) varies with the seed. */
    private static Order order(long seed) {
        Order order = new Order();
        order.setId(seed);
        order.setStatus(Status.values()[(int) (seed % Status.values().length)]);
        Customer customer = new Customer();
        customer.setId(seed % 977);
        customer.setName("customer-" + (seed % 977));
        customer.setAddress(new Address((seed % 300) + " Main Street", "City " + (seed % 17), 10_000 + (int) (seed % 89_999)));
        order.setCustomer(customer);
        List<Line> lines = new ArrayList<>();
        for (int l = 0; l < 1 + seed % 4; l++) {
            Line line = new Line();
            line.sku = "SKU-" + ((seed * 7 + l) % 10_000);
            line.quantity = 1 + (int) ((seed + l) % 9);
            line.priceCents = 99 + (seed * 13 + l * 101) % 50_000;
            line.tags = l % 2 == 0 ? List.of("fragile", "tag-" + l) : List.of();
            lines.add(line);
        }
        order.setLines(lines);
        Map<String, Integer> attributes = new LinkedHashMap<>();
        attributes.put("priority", (int) (seed % 3));
        if (seed % 5 == 0) {
            attributes.put("gift", 1);
        }
        order.setAttributes(attributes);
        return order;
    }
}
