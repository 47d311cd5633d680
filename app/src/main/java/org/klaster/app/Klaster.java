package org.klaster.app;

public final class Klaster {
    public static void main(String[] args) {
        System.out.println("klaster");
    }
}
